import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import type { ConnectionStatus, Request } from "../../lib/messaging/protocol";
import { SidePanel } from "./SidePanel";
import { createPanelStore } from "./store";
import { connectionStatus, memoryStorage } from "./test-fixtures";

/** The side panel, not connected, with the connection status the background reports changed by `status`. */
function panel(status: Partial<ConnectionStatus>, signIn: "ok" | "refused" = "ok") {
  const connection: ConnectionStatus = { ...connectionStatus(false), ...status };
  const send = vi.fn(async (request: Request) => {
    if (request.type === "connectOAuth")
      return signIn === "refused"
        ? {
            status: "error",
            kind: "not-connected",
            message: "The token endpoint (www.smartrecruiters.com) refused the sign-in without a client secret.",
          }
        : { status: "ok", connection: { ...connection, connected: true, method: "oauth" } };
    if (request.type === "activeTab") return { status: "ok", page: null };
    if (request.type === "candidateDetails") return { status: "no-candidate" };
    return { status: "ok", connection };
  });
  const store = createPanelStore({
    send,
    readSettings: async () => ({ integrationEnabled: true, createAndUpdateCandidates: false }),
    managedSettings: async () => [],
    policyProblems: async () => [],
    writeSetting: async () => undefined,
    copyText: async () => undefined,
    readOutbox: async () => [],
    readActivity: async () => [],
    extensionId: "ojjencidapbffadplbcanpdemoboeflj",
    snapshotStorage: memoryStorage(),
    hostsToAllow: async () => [],
    allowHosts: async () => false,
  });
  render(<SidePanel store={store} />);
  store.getState().load();
  return { send };
}

const connectButton = () => screen.findByRole("button", { name: "Connect to SmartRecruiters" });

describe("Connection: a sign-in that needs the organisation's token endpoint or a policy secret", () => {
  it("says so before Connect is pressed, names what to ask the admin, and still lets the interviewer try", async () => {
    const { send } = panel({ signInNeedsSecret: true });
    const button = (await connectButton()) as HTMLButtonElement;
    const note = screen.getByTestId("sign-in-needs-secret");
    expect(note.textContent).toContain("needs your organisation's token endpoint or a client secret set by policy");
    expect(note.textContent).toContain("docs/token-endpoint.md");
    expect(note.textContent).toContain("tokenUrl");
    expect(note.textContent).toContain("clientSecret");
    expect(button.getAttribute("aria-describedby")).toContain("sign-in-needs-secret");
    expect(button.disabled).toBe(false);
    expect(send).not.toHaveBeenCalledWith(expect.objectContaining({ type: "connectOAuth" }));
    fireEvent.click(button);
    await waitFor(() => expect(send).toHaveBeenCalledWith(expect.objectContaining({ type: "connectOAuth" })));
  });

  it("a refused attempt shows the refusal's advice beside it", async () => {
    panel({ signInNeedsSecret: true }, "refused");
    fireEvent.click(await connectButton());
    expect((await screen.findByRole("alert")).textContent).toContain("without a client secret");
  });

  it("says nothing of it when the organisation's endpoint or secret is set up", async () => {
    panel({ signInNeedsSecret: false });
    await connectButton();
    expect(screen.queryByTestId("sign-in-needs-secret")).toBeNull();
  });

  it("says nothing of it while sign-in is not set up at all (no client ID): that has its own line", async () => {
    panel({ signInNeedsSecret: true, canSignIn: false });
    await connectButton();
    expect(screen.queryByTestId("sign-in-needs-secret")).toBeNull();
    expect(screen.getByText(/Sign-in is not set up for this extension yet/u)).toBeTruthy();
  });
});
