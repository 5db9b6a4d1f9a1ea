import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type FocusIntent, trackFocusIntent } from "./focus-intent";

/** What the browser marks as the person's own input (happy-dom leaves isTrusted unset on every event). */
function trusted<T extends Event>(event: T): T {
  Object.defineProperty(event, "isTrusted", { value: true });
  return event;
}

const keyClick = () => trusted(new MouseEvent("click", { detail: 0 }));
const mouseClick = () => trusted(new MouseEvent("click", { detail: 1 }));
const pressTab = () => window.dispatchEvent(trusted(new KeyboardEvent("keydown", { key: "Tab" })));

describe("trackFocusIntent", () => {
  let controller: AbortController;
  let intent: FocusIntent;
  let yes: HTMLButtonElement;
  let no: HTMLButtonElement;
  let pageInput: HTMLInputElement;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    controller = new AbortController();
    document.body.innerHTML = "<input id='chat'>";
    pageInput = document.getElementById("chat") as HTMLInputElement;
    const host = document.createElement("div");
    document.body.append(host);
    const root = host.attachShadow({ mode: "closed" });
    yes = document.createElement("button");
    no = document.createElement("button");
    root.append(yes, no);
    intent = trackFocusIntent(window, root, controller.signal);
  });

  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("counts a mouse click, wherever the focus is", () => {
    expect(intent.counts(mouseClick(), yes)).toBe(true);
  });

  it("does not count a key press on a button the page focused", () => {
    yes.focus();
    expect(intent.counts(keyClick(), yes)).toBe(false);
  });

  it("counts a key press on a button the interviewer reached with Tab", () => {
    pressTab();
    vi.advanceTimersByTime(20);
    yes.focus();
    vi.advanceTimersByTime(30_000);
    expect(intent.counts(keyClick(), yes)).toBe(true);
    expect(intent.counts(keyClick(), no)).toBe(false);
  });

  it("counts a key press on a button the interviewer pressed with the pointer", () => {
    window.dispatchEvent(trusted(new MouseEvent("pointerdown")));
    yes.focus();
    expect(intent.counts(keyClick(), yes)).toBe(true);
  });

  it("does not count a Tab or pointer press a page script made up, nor focus arriving long after the person's Tab", () => {
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Tab" }));
    window.dispatchEvent(new MouseEvent("pointerdown"));
    yes.focus();
    expect(intent.counts(keyClick(), yes)).toBe(false);
    pageInput.focus();
    pressTab();
    vi.advanceTimersByTime(1_500);
    no.focus();
    expect(intent.counts(keyClick(), no)).toBe(false);
  });

  it("forgets the person's choice once the focus went elsewhere in the page, and the page brought it back", () => {
    pressTab();
    yes.focus();
    vi.advanceTimersByTime(5_000);
    pageInput.focus();
    yes.focus();
    expect(intent.counts(keyClick(), yes)).toBe(false);
  });

  it("keeps it while the window was in the background (the focus comes back on its own)", () => {
    pressTab();
    yes.focus();
    vi.advanceTimersByTime(5_000);
    vi.spyOn(document, "hasFocus").mockReturnValue(false);
    pageInput.focus();
    yes.focus();
    expect(intent.counts(keyClick(), yes)).toBe(true);
  });

  it("stops watching once stopped", () => {
    controller.abort();
    pressTab();
    yes.focus();
    expect(intent.counts(keyClick(), yes)).toBe(false);
  });
});
