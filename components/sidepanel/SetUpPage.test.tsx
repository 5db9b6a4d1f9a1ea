import { fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { fakeSend } from "../../lib/messaging/fake-send";
import type { Done, Failure, PageStatus, TabSetup } from "../../lib/messaging/protocol";
import { ReaderNote, SetUpPage } from "./SetUpPage";
import { createPanelStore } from "./store";
import { annInterview, quietBackend } from "./test-fixtures";

const picked = { candidateName: "[data-qa='candidate'] h2", emailValue: "a[href^='mailto:']" };

/** The active tab's site as the background reports it: no set-up saved, the picker not running. */
function tabSetup(change: Partial<TabSetup> = {}): TabSetup {
  return { origin: "https://hire.acme.com:8443", selectors: null, knownSite: true, picking: null, ...change };
}

interface Options {
  page?: PageStatus;
  setup?: TabSetup;
  /** The background's answer to startSetup. */
  start?: Done | Failure;
}

/** The set-up part of the side panel over a fake background; `send` sees every message, `copyText` every copy. */
async function setUpPanel(options: Options = {}) {
  const send = vi.fn((_request: unknown) => undefined);
  const copyText = vi.fn(async (_text: string) => undefined);
  const answers = fakeSend(
    {
      activeTab: () => ({ status: "ok", page: options.page ?? annInterview, setup: options.setup ?? tabSetup() }),
      candidateDetails: () => ({ status: "no-candidate" }),
      startSetup: () => options.start ?? { status: "ok" },
      removeSetup: () => ({ status: "ok" }),
    },
    send,
  );
  const store = createPanelStore(quietBackend(answers, { copyText }));
  render(<SetUpPage store={store} />);
  await store.getState().loadPage();
  return { send, copyText };
}

describe("ReaderNote", () => {
  it.each([
    ["default", "built-in description"],
    ["policy", "your organisation's set-up"],
    ["user", "your own set-up"],
    ["meaning", "Read by meaning"],
  ] as const)("names the %s reader", (reader, words) => {
    render(<ReaderNote page={{ ...annInterview, reader }} />);
    expect(screen.getByTestId("reader").textContent).toContain(words);
  });

  it("says nothing when no candidate was read or the reader is not known", () => {
    render(<ReaderNote page={{ kind: "unreadable", missing: ["candidateName"], reader: "default" }} />);
    render(<ReaderNote page={annInterview} />);
    expect(screen.queryByTestId("reader")).toBeNull();
  });
});

describe("SetUpPage", () => {
  it("starts the picker in the tab from its button", async () => {
    const { send } = await setUpPanel({ page: { kind: "unreadable", missing: ["candidateName"], reader: "default" } });
    expect(screen.getByTestId("setup").textContent).toContain("Show it where things are");
    fireEvent.click(screen.getByRole("button", { name: "Set up this page" }));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: "startSetup" }));
  });

  it("while the picker runs, says what to click and offers no second start", async () => {
    await setUpPanel({ setup: tabSetup({ picking: "firstName" }) });
    expect(screen.getByTestId("setup-step").textContent).toBe(
      "On the page, click the candidate's first name (the value, not its label).",
    );
    expect(screen.queryByRole("button", { name: "Set up this page" })).toBeNull();
  });

  it("shows a saved set-up's site, copies it for the admin as policy JSON, and removes it", async () => {
    const { send, copyText } = await setUpPanel({ setup: tabSetup({ selectors: picked }) });
    expect(screen.getByTestId("setup-saved").textContent).toContain("https://hire.acme.com:8443");
    fireEvent.click(screen.getByRole("button", { name: "Copy for your admin" }));
    await screen.findByTestId("setup-policy");
    expect(copyText).toHaveBeenCalledTimes(1);
    const copied = JSON.parse(copyText.mock.calls[0]?.[0] ?? "");
    // A known Hellohire address needs only the selectors.
    expect(copied).toEqual({ selectorOverrides: { selectors: picked } });
    expect(screen.getByTestId("setup-policy").textContent).toBe(copyText.mock.calls[0]?.[0]);
    expect(screen.getByRole("status").textContent).toContain("Copied");
    fireEvent.click(screen.getByRole("button", { name: "Remove my set-up" }));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: "removeSetup" }));
  });

  it("adds the site, with no port, as a Hellohire address when the extension does not know it", async () => {
    const { copyText } = await setUpPanel({ setup: tabSetup({ selectors: picked, knownSite: false }) });
    fireEvent.click(screen.getByRole("button", { name: "Copy for your admin" }));
    await screen.findByTestId("setup-policy");
    expect(JSON.parse(copyText.mock.calls[0]?.[0] ?? "")).toEqual({
      selectorOverrides: { selectors: picked },
      hellohireHostPatterns: ["https://hire.acme.com/*"],
    });
  });

  it("where the organisation set the page up, only says so", async () => {
    await setUpPanel({ page: { ...annInterview, reader: "policy" }, setup: tabSetup({ selectors: picked }) });
    expect(screen.getByTestId("setup").textContent).toBe("Your organisation set this page up: its set-up is used here.");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("offers no set-up where the organisation's override applies, even on a page read by meaning", async () => {
    await setUpPanel({ page: { ...annInterview, reader: "meaning" }, setup: tabSetup({ policyOverride: true }) });
    expect(screen.getByTestId("setup").textContent).toBe("Your organisation set this page up: its set-up is used here.");
    expect(screen.queryByRole("button", { name: "Set up this page" })).toBeNull();
  });

  it("shows why the picker could not start", async () => {
    await setUpPanel({
      start: { status: "error", kind: "forbidden", message: "This tab is not a Hellohire page the extension runs on." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Set up this page" }));
    expect((await screen.findByRole("alert")).textContent).toBe("This tab is not a Hellohire page the extension runs on.");
  });
});
