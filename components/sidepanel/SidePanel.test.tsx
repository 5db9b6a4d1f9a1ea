import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import type { Request } from "../../lib/messaging/protocol";
import type { UserSettings } from "../../lib/settings/settings";
import { SidePanel } from "./SidePanel";
import { createPanelStore } from "./store";

function panel(options: { connected: boolean; connectFails?: boolean }) {
  const settings: UserSettings = { integrationEnabled: true, createAndUpdateCandidates: false };
  const connection = (connected: boolean) => ({
    connected,
    method: connected ? "apiKey" : null,
    apiBaseUrl: "https://api.smartrecruiters.com",
    profileUrlTemplate: "https://www.smartrecruiters.com/app/people/candidates/{id}",
  });
  const send = vi.fn(async (request: Request) => {
    if (request.type === "connectApiKey")
      return options.connectFails
        ? { status: "error", kind: "not-connected", message: "Not connected to SmartRecruiters: the credential was refused." }
        : { status: "ok", connection: connection(true) };
    if (request.type === "disconnect") return { status: "ok", connection: connection(false) };
    return { status: "ok", connection: connection(options.connected) };
  });
  const writeSetting = vi.fn(async () => undefined);
  const store = createPanelStore({ send, readSettings: async () => settings, writeSetting });
  render(<SidePanel store={store} />);
  store.getState().load();
  return { send, writeSetting };
}

describe("SidePanel", () => {
  it("shows the integration switch on and writes the change", async () => {
    const { writeSetting } = panel({ connected: true });
    const toggle = await screen.findByRole("switch", { name: "SmartRecruiters integration" });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    expect(writeSetting).toHaveBeenCalledWith("integrationEnabled", false);
  });

  it("connects with an API key and then offers to disconnect", async () => {
    const { send } = panel({ connected: false });
    expect((await screen.findByTestId("connection-status")).textContent).toContain("Not connected");
    fireEvent.input(screen.getByLabelText("SmartRecruiters API key"), { target: { value: "0123456789abcdef0123456789abcdef" } });
    fireEvent.submit(screen.getByLabelText("SmartRecruiters API key").closest("form") as HTMLFormElement);
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
    fireEvent.submit(screen.getByLabelText("SmartRecruiters API key").closest("form") as HTMLFormElement);
    expect((await screen.findByRole("alert")).textContent).toContain("credential was refused");
  });
});
