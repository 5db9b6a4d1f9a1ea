import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import type { ConnectionStatus, PageStatus, Request } from "../../lib/messaging/protocol";
import { defaultEndpoints, type SettingName, type UserSettings } from "../../lib/settings/settings";
import type { OutboxEntry } from "../../lib/sync/outbox";
import { SidePanel } from "./SidePanel";
import { createPanelStore } from "./store";

interface PanelOptions {
  connected: boolean;
  connectFails?: boolean;
  managed?: SettingName[];
  page?: PageStatus | null;
  structure?: string;
  outbox?: OutboxEntry[];
}

function panel(options: PanelOptions) {
  const settings: UserSettings = { integrationEnabled: true, createAndUpdateCandidates: false };
  const connection = (connected: boolean): ConnectionStatus => ({
    connected,
    method: connected ? "apiKey" : null,
    byOrganisation: false,
    userMayChoose: true,
    canSignIn: true,
    scopes: [],
    problem: null,
    endpoints: { ...defaultEndpoints },
    locked: [],
  });
  const send = vi.fn(async (request: Request) => {
    switch (request.type) {
      case "connectApiKey":
        return options.connectFails
          ? { status: "error", kind: "not-connected", message: "Not connected to SmartRecruiters: the credential was refused." }
          : { status: "ok", connection: connection(true) };
      case "disconnect":
        return { status: "ok", connection: connection(false) };
      case "activeTab":
        return { status: "ok", page: options.page ?? null };
      case "copyPageStructure":
        return { status: "ok", structure: options.structure ?? "<html>\n  <body>" };
      default:
        return { status: "ok", connection: connection(options.connected) };
    }
  });
  const writeSetting = vi.fn(async () => undefined);
  const copyText = vi.fn(async () => undefined);
  const store = createPanelStore({
    send,
    readSettings: async () => settings,
    managedSettings: async () => options.managed ?? [],
    writeSetting,
    copyText,
    readOutbox: async () => options.outbox ?? [],
  });
  render(<SidePanel store={store} />);
  store.getState().load();
  return { send, writeSetting, copyText };
}

const apiKeyForm = () => screen.getByLabelText("SmartRecruiters API key").closest("form") as HTMLFormElement;

describe("SidePanel", () => {
  it("shows the integration switch on and writes the change", async () => {
    const { writeSetting } = panel({ connected: true });
    const toggle = await screen.findByRole("switch", { name: "SmartRecruiters integration" });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    expect(writeSetting).toHaveBeenCalledWith("integrationEnabled", false);
  });

  it("locks a setting the organisation manages and says so", async () => {
    const { writeSetting } = panel({ connected: true, managed: ["integrationEnabled"] });
    const toggle = (await screen.findByRole("switch", { name: "SmartRecruiters integration" })) as HTMLInputElement;
    expect(toggle.disabled).toBe(true);
    expect(screen.getByText("Managed by your organisation.")).toBeTruthy();
    fireEvent.click(toggle);
    expect(writeSetting).not.toHaveBeenCalled();
    expect((screen.getByRole("switch", { name: /Create and update/u }) as HTMLInputElement).disabled).toBe(false);
  });

  it("connects with an API key and then offers to disconnect", async () => {
    const { send } = panel({ connected: false });
    expect((await screen.findByTestId("connection-status")).textContent).toContain("Not connected");
    fireEvent.input(screen.getByLabelText("SmartRecruiters API key"), { target: { value: "0123456789abcdef0123456789abcdef" } });
    fireEvent.submit(apiKeyForm());
    await waitFor(() => expect(screen.getByTestId("connection-status").textContent).toContain("Connected to SmartRecruiters"));
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({ type: "connectApiKey", apiKey: "0123456789abcdef0123456789abcdef" }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Disconnect" }));
    await waitFor(() => expect(screen.getByTestId("connection-status").textContent).toContain("Not connected"));
  });

  it("shows why a connection failed", async () => {
    panel({ connected: false, connectFails: true });
    fireEvent.input(await screen.findByLabelText("SmartRecruiters API key"), {
      target: { value: "0123456789abcdef0123456789abcdef" },
    });
    fireEvent.submit(apiKeyForm());
    expect((await screen.findByRole("alert")).textContent).toContain("credential was refused");
  });

  it("shows the current tab's candidate as text", async () => {
    panel({
      connected: true,
      page: {
        kind: "one-on-one",
        interviewName: "CSR",
        candidate: { firstName: "<img src=x onerror=alert(1)>", lastName: "O'Neil", email: null },
      },
    });
    const candidate = await screen.findByTestId("current-candidate");
    expect(candidate.textContent).toContain("<img src=x onerror=alert(1)> O'Neil");
    expect(candidate.textContent).toContain("Not shown by Hellohire");
    expect(candidate.querySelector("img")).toBeNull();
  });

  it("diagnoses an unreadable page and copies its redacted structure", async () => {
    const { copyText } = panel({
      connected: true,
      page: { kind: "unreadable", missing: ["candidateName", "firstNameLabel"] },
      structure: '<html>\n  <body>\n    <main data-testid="v1">',
    });
    const diagnosis = await screen.findByTestId("diagnosis");
    expect(diagnosis.textContent).toContain("candidate's name, first name");
    expect(diagnosis.textContent).toContain("candidateName, firstNameLabel");
    fireEvent.click(screen.getByRole("button", { name: "Copy page structure" }));
    await screen.findByText("Copied 3 lines, with every text and value redacted.");
    expect(copyText).toHaveBeenCalledWith('<html>\n  <body>\n    <main data-testid="v1">');
  });

  it("reports an ignored selector override", async () => {
    panel({ connected: true, page: { kind: "not-interview", overrideProblems: ["selectors.colour is not a known entry"] } });
    expect((await screen.findByTestId("override-problems")).textContent).toContain("selectors.colour is not a known entry");
  });

  it("lists pending ratings with their reason, and retries or discards them", async () => {
    const { send } = panel({
      connected: true,
      outbox: [
        {
          id: "w1",
          candidateId: "3f1c2b7e-0001",
          interviewName: "CSR",
          rating: "yes",
          createdAt: 0,
          attempts: 2,
          nextAttemptAt: 0,
          state: "failed",
          lastError: { kind: "access-denied", message: "SmartRecruiters denied access." },
        },
      ],
    });
    const pending = await screen.findByTestId("pending");
    expect(pending.textContent).toContain("Yes · CSR");
    expect(pending.textContent).toContain("Not saved: SmartRecruiters denied access.");
    fireEvent.click(screen.getByRole("button", { name: "Retry now" }));
    fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: "outboxAction", id: "w1", action: "discard" }));
    expect(send).toHaveBeenCalledWith({ type: "outboxAction", id: "w1", action: "retry" });
  });

  it("says when every rating is saved", async () => {
    panel({ connected: true });
    expect(await screen.findByText("Every rating is saved in SmartRecruiters.")).toBeTruthy();
  });
});
