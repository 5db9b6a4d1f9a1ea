import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeSend } from "../../lib/messaging/fake-send";
import type { ConnectionStatus } from "../../lib/messaging/protocol";
import type { SettingName, UserSettings } from "../../lib/settings/settings";
import { SidePanel } from "./SidePanel";
import { createPanelStore } from "./store";
import { connectionStatus, quietBackend } from "./test-fixtures";

/**
 * The side panel, not connected, with the connection status the background reports changed by `status`;
 * create-and-update off unless `settings` says otherwise, set by policy when `managed` names it.
 */
function panel(
  status: Partial<ConnectionStatus>,
  signIn: "ok" | "refused" = "ok",
  options: { settings?: Partial<UserSettings>; managed?: SettingName[] } = {},
) {
  const connection: ConnectionStatus = { ...connectionStatus(false), ...status };
  const send = vi.fn((_request: unknown) => undefined);
  const answers = fakeSend(
    {
      connectApiKey: () => ({ status: "ok", connection: { ...connection, connected: true, method: "apiKey" } }),
      disconnect: () => ({ status: "ok", connection: connectionStatus(false) }),
      connectOAuth: () =>
        signIn === "refused"
          ? {
              status: "error",
              kind: "not-connected",
              message: "The token endpoint (www.smartrecruiters.com) refused the sign-in without a client secret.",
            }
          : { status: "ok", connection: { ...connection, connected: true, method: "oauth" } },
      activeTab: () => ({ status: "ok", page: null }),
      candidateDetails: () => ({ status: "no-candidate" }),
      getStatus: () => ({ status: "ok", connection }),
    },
    send,
  );
  const store = createPanelStore(
    quietBackend(answers, {
      readSettings: async () => ({ integrationEnabled: true, createAndUpdateCandidates: false, ...options.settings }),
      managedSettings: async () => options.managed ?? [],
    }),
  );
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

describe("Connection: create-and-update needs more than the sign-in was granted", () => {
  /** Connected by signing in with create-and-update off: reading and tagging only. */
  const signedInToRead: Partial<ConnectionStatus> = {
    connected: true,
    method: "oauth",
    scopes: ["candidates_read", "candidates_manage", "user_me_read"],
  };
  const reconnectButton = () => screen.findByRole("button", { name: "Reconnect to SmartRecruiters" });

  it("a grant without candidates_create while create-and-update is off: connected, nothing to ask", async () => {
    panel(signedInToRead);
    expect((await screen.findByTestId("connection-status")).textContent).toContain("Connected");
    await screen.findByRole("button", { name: "Disconnect" });
    expect(screen.queryByTestId("sign-in-to-create")).toBeNull();
    expect(screen.queryByRole("button", { name: "Reconnect to SmartRecruiters" })).toBeNull();
  });

  it("switched on in the panel: says to sign in again to allow creating, and Reconnect asks the background to sign in", async () => {
    const { send } = panel(signedInToRead);
    await screen.findByRole("button", { name: "Disconnect" });
    fireEvent.click(screen.getByRole("switch", { name: "Create and update candidate profile in SmartRecruiters" }));
    const line = await screen.findByTestId("sign-in-to-create");
    expect(line.textContent).toBe(
      "Creating candidates is on, but your sign-in does not allow it: reconnect to allow creating candidates. Until then, none is created: only existing candidates are found.",
    );
    const button = await reconnectButton();
    expect(button.getAttribute("aria-describedby")).toContain("sign-in-to-create");
    fireEvent.click(button);
    await waitFor(() => expect(send).toHaveBeenCalledWith(expect.objectContaining({ type: "connectOAuth" })));
  });

  it("set on by the organisation's policy: the same line and button", async () => {
    panel(signedInToRead, "ok", { settings: { createAndUpdateCandidates: true }, managed: ["createAndUpdateCandidates"] });
    expect((await screen.findByTestId("sign-in-to-create")).textContent).toContain("reconnect to allow creating candidates");
    await reconnectButton();
  });

  it("nothing to ask once the grant has candidates_create, nor for an API key or the organisation's credential", async () => {
    const on = { settings: { createAndUpdateCandidates: true } };
    panel({ ...signedInToRead, scopes: ["candidates_read", "candidates_manage", "candidates_create"] }, "ok", on);
    await screen.findByRole("button", { name: "Disconnect" });
    expect(screen.queryByTestId("sign-in-to-create")).toBeNull();
    cleanup();
    panel({ connected: true, method: "apiKey" }, "ok", on);
    await screen.findByRole("button", { name: "Disconnect" });
    expect(screen.queryByTestId("sign-in-to-create")).toBeNull();
    cleanup();
    panel({ connected: true, method: "clientCredentials", byOrganisation: true }, "ok", on);
    expect((await screen.findByTestId("connection-status")).textContent).toContain("Connected by your organisation");
    expect(screen.queryByTestId("sign-in-to-create")).toBeNull();
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe("Connection: the addresses an interviewer may type (Advanced)", () => {
  it("an address that is not SmartRecruiters' is refused beside its field, before any attempt, naming who may set it", async () => {
    panel({});
    await connectButton();
    fireEvent.input(field("Token address"), { target: { value: "https://sr-eu.example.com/identity/oauth/token" } });
    const problem = await screen.findByTestId("endpoint-tokenUrl-problem");
    expect(problem.textContent).toBe(
      "Token address must be a SmartRecruiters address (https://….smartrecruiters.com). Only your organisation's policy can set another address, such as its own token endpoint: ask your SmartRecruiters admin.",
    );
    expect(field("Token address").getAttribute("aria-invalid")).toBe("true");
    expect(field("Token address").getAttribute("aria-describedby")).toBe("endpoint-tokenUrl-problem");
    fireEvent.input(field("Token address"), { target: { value: "https://api.smartrecruiters.com/identity/oauth/token" } });
    await waitFor(() => expect(screen.queryByTestId("endpoint-tokenUrl-problem")).toBeNull());
    expect(field("Token address").getAttribute("aria-invalid")).toBeNull();
  });

  it("the sandbox on this computer may be typed in a test build; a production build refuses it", async () => {
    panel({});
    await connectButton();
    fireEvent.input(field("API address"), { target: { value: "http://127.0.0.1:8787" } });
    expect(screen.queryByTestId("endpoint-apiBaseUrl-problem")).toBeNull();
    vi.stubEnv("MODE", "production");
    fireEvent.input(field("API address"), { target: { value: "http://127.0.0.1:8788" } });
    expect((await screen.findByTestId("endpoint-apiBaseUrl-problem")).textContent).toBe(
      "API address must be an https:// address.",
    );
  });

  it("a locked address says it is the organisation's, not a problem", async () => {
    panel({ locked: ["tokenUrl"], endpoints: { ...connectionStatus(false).endpoints, tokenUrl: "https://sso.example.com/t" } });
    await connectButton();
    expect(field("Token address").disabled).toBe(true);
    expect(screen.queryByTestId("endpoint-tokenUrl-problem")).toBeNull();
    expect(field("Token address").getAttribute("aria-describedby")).toBe("endpoint-tokenUrl-managed");
  });

  it("Disconnect forgets what was typed: the fields show SmartRecruiters' addresses again", async () => {
    const { send } = panel({});
    await connectButton();
    fireEvent.input(field("API address"), { target: { value: "http://127.0.0.1:8787" } });
    fireEvent.input(field("SmartRecruiters API key"), { target: { value: "0123456789abcdef0123456789abcdef" } });
    fireEvent.click(screen.getByRole("button", { name: "Connect with API key" }));
    fireEvent.click(await screen.findByRole("button", { name: "Disconnect" }));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: "disconnect" }));
    await waitFor(() => expect(field("API address").value).toBe("https://api.smartrecruiters.com"));
  });
});
