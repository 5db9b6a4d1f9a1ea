import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { fakeSend } from "../../lib/messaging/fake-send";
import type { PageStatus } from "../../lib/messaging/protocol";
import { createPanelStore } from "./store";
import { annInterview, quietBackend } from "./test-fixtures";
import { UseOnSite } from "./UseOnSite";

/** "Use on this site" over a fake background and browser: `granted` is the browser's answer to the site's permission. */
async function useOnSitePanel(options: { page?: PageStatus | null; granted?: boolean; tabUrl?: string | null } = {}) {
  const sent: unknown[] = [];
  const send = fakeSend(
    {
      activeTab: () => ({ status: "ok", page: options.page ?? null }),
      candidateDetails: () => ({ status: "no-candidate" }),
      useOnSite: () => ({ status: "ok" }),
    },
    (request) => sent.push(request),
  );
  const allowHosts = vi.fn(async () => options.granted ?? true);
  const store = createPanelStore(quietBackend(send, { allowHosts, activeTabUrl: async () => options.tabUrl ?? null }));
  render(<UseOnSite store={store} />);
  await store.getState().loadPage();
  return { sent, allowHosts };
}

const field = () => screen.getByLabelText("Address of the interview page") as HTMLInputElement;
const useIt = () => fireEvent.click(screen.getByRole("button", { name: "Use on this site" }));

describe("UseOnSite", () => {
  it("is offered only on a tab the extension does not run in", async () => {
    await useOnSitePanel({ page: annInterview });
    expect(screen.queryByRole("button", { name: "Use on this site" })).toBeNull();
  });

  it("starts from the tab's address when the browser shows it, asks for that site only, then adds it", async () => {
    const { sent, allowHosts } = await useOnSitePanel({ tabUrl: "https://hire.acme.com:8443/events/1/room?x=1" });
    await waitFor(() => expect(field().value).toBe("https://hire.acme.com:8443/events/1/room?x=1"));
    useIt();
    await screen.findByText("Done: reload the interview page to use the extension there.");
    expect(allowHosts).toHaveBeenCalledWith(["https://hire.acme.com/*"]);
    expect(sent).toContainEqual({ type: "useOnSite", pattern: "https://hire.acme.com/*" });
  });

  it("refuses an address that is not https without asking the browser, and says when the browser said no", async () => {
    const { sent, allowHosts } = await useOnSitePanel({ granted: false });
    fireEvent.input(field(), { target: { value: "ftp://hire.acme.com/room" } });
    useIt();
    await screen.findByText("That is not an https:// web address.");
    expect(allowHosts).not.toHaveBeenCalled();
    fireEvent.input(field(), { target: { value: "https://hire.acme.com/room" } });
    useIt();
    await screen.findByText("The browser did not allow the extension on that site.");
    expect(sent).not.toContainEqual(expect.objectContaining({ type: "useOnSite" }));
  });
});
