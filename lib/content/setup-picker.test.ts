import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SetupPicks } from "../hellohire/derive-selector";
import {
  pickedElement,
  pickerHostStyle,
  type SetupPickerOptions,
  type SetupStep,
  setupPickerTag,
  startSetupPicker,
} from "./setup-picker";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const $ = (selector: string): Element => {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`test page lacks ${selector}`);
  return element;
};

const page = `
  <main>
    <h1 id="title"><span id="title-text">Design review</span></h1>
    <p id="job">Product designer</p>
    <section>
      <h2 id="name"><span id="name-first">Ann</span> <span>O'Neil</span></h2>
      <dl>
        <dt>First name</dt><dd id="first">Ann</dd>
        <dt>Last name</dt><dd id="last">O'Neil</dd>
        <dt>Email</dt><dd id="email-cell"><a id="email" href="mailto:ann@example.com"><svg id="icon"></svg>ann@example.com</a></dd>
      </dl>
    </section>
  </main>`;

describe("startSetupPicker", () => {
  let controller: AbortController;
  /** The element the "pointer" is on: what the injected pointTarget answers. */
  let under: Element | null;
  let calls: { steps: [SetupStep, Element | null][]; done: SetupPicks[]; cancelled: number; back: SetupStep[] };

  function start(extra: Partial<SetupPickerOptions> = {}) {
    return startSetupPicker({
      document,
      signal: controller.signal,
      pointTarget: () => under,
      acceptUntrustedForTests: true,
      onStep: (step, picked) => calls.steps.push([step, picked]),
      onBack: (step) => calls.back.push(step),
      onDone: (picks) => calls.done.push(picks),
      onCancel: () => calls.cancelled++,
      ...extra,
    });
  }

  const host = () => document.querySelector(setupPickerTag);
  const root = () => {
    const shadow = host()?.shadowRoot;
    if (!shadow) throw new Error("no open picker");
    return shadow;
  };
  const part = (selector: string) => {
    const element = root().querySelector(selector);
    if (!(element instanceof HTMLElement)) throw new Error(`picker lacks ${selector}`);
    return element;
  };
  const instruction = () => part(".instruction").textContent;

  /** A click of the layer with the pointer on `element`. */
  function clickOn(element: Element) {
    under = element;
    part(".layer").dispatchEvent(
      new MouseEvent("click", { bubbles: true, composed: true, cancelable: true, clientX: 5, clientY: 5 }),
    );
  }

  const press = (button: string) => part(button).click();

  beforeEach(() => {
    document.body.innerHTML = page;
    document.documentElement.setAttribute("data-srh-e2e-open-widget", "");
    controller = new AbortController();
    under = null;
    calls = { steps: [], done: [], cancelled: 0, back: [] };
  });

  afterEach(() => {
    controller.abort();
    document.documentElement.removeAttribute("data-srh-e2e-open-widget");
  });

  it("walks the steps on clicks and gives the picked elements", () => {
    start();
    expect(host()?.parentNode).toBe(document.documentElement);
    expect(instruction()).toBe("Click the candidate's name");
    expect(part(".count").textContent).toBe("Step 1 of 6");
    clickOn($("#name-first"));
    expect(instruction()).toBe("Click the candidate's email");
    clickOn($("#icon"));
    expect(instruction()).toBe("Click the first name");
    clickOn($("#first"));
    expect(instruction()).toBe("Click the last name");
    clickOn($("#last"));
    expect(instruction()).toBe("Click the interview's title");
    clickOn($("#title"));
    expect(instruction()).toBe("Click the job title");
    clickOn($("#job"));
    expect(calls.steps.map(([step, picked]) => [step, picked?.id])).toEqual([
      ["name", "name"],
      ["email", "email"],
      ["firstName", "first"],
      ["lastName", "last"],
      ["interviewTitle", "title-text"],
      ["jobTitle", "job"],
    ]);
    expect(calls.done).toEqual([
      {
        name: $("#name"),
        email: $("#email"),
        firstName: $("#first"),
        lastName: $("#last"),
        interviewTitle: $("#title-text"),
        jobTitle: $("#job"),
      },
    ]);
    expect(host()).toBeNull();
    expect(calls.cancelled).toBe(0);
  });

  it("outlines each pick with its label", () => {
    start();
    clickOn($("#name"));
    clickOn($("#email"));
    expect([...root().querySelectorAll(".picked .tag")].map((tag) => tag.textContent)).toEqual(["Name", "Email"]);
  });

  it("keeps the page's own handlers from hearing the clicks", () => {
    const onName = vi.fn();
    const onDocument = vi.fn();
    $("#name").addEventListener("click", onName);
    document.addEventListener("click", onDocument);
    document.addEventListener("mousedown", onDocument);
    start();
    part(".layer").dispatchEvent(new MouseEvent("mousedown", { bubbles: true, composed: true }));
    clickOn($("#name"));
    press(".back");
    expect(calls.steps).toHaveLength(1);
    expect(onName).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
    document.removeEventListener("click", onDocument);
    document.removeEventListener("mousedown", onDocument);
  });

  it("counts only trusted events: a page script cannot click, skip or cancel through it", () => {
    start({ acceptUntrustedForTests: false });
    clickOn($("#name"));
    press(".cancel");
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(instruction()).toBe("Click the candidate's name");
    expect(calls).toEqual({ steps: [], done: [], cancelled: 0, back: [] });
    expect(host()).not.toBeNull();
  });

  it("skips the email and the job title where the page shows none", () => {
    start();
    expect(part(".skip").hidden).toBe(true);
    clickOn($("#name"));
    expect(part(".skip").hidden).toBe(false);
    expect(part(".skip").textContent).toBe("The page shows no email");
    press(".skip");
    expect(part(".skip").hidden).toBe(true);
    clickOn($("#first"));
    clickOn($("#last"));
    clickOn($("#title"));
    expect(part(".skip").textContent).toBe("The page shows no job title");
    press(".skip");
    expect(calls.steps).toContainEqual(["email", null]);
    expect(calls.steps).toContainEqual(["jobTitle", null]);
    expect(calls.done[0]).toMatchObject({ email: null, jobTitle: null, firstName: $("#first") });
  });

  it("goes back a step, dropping its pick and outline", () => {
    start();
    expect(part(".back").hidden).toBe(true);
    clickOn($("#name"));
    clickOn($("#email"));
    press(".back");
    expect(instruction()).toBe("Click the candidate's email");
    expect(calls.back).toEqual(["email"]);
    expect([...root().querySelectorAll(".picked .tag")].map((tag) => tag.textContent)).toEqual(["Name"]);
    press(".skip");
    clickOn($("#first"));
    clickOn($("#last"));
    clickOn($("#title"));
    clickOn($("#job"));
    expect(calls.done[0]?.email).toBeNull();
  });

  it("refuses an element already picked and says for which step", () => {
    start();
    clickOn($("#name"));
    clickOn($("#email"));
    clickOn($("#name"));
    expect(instruction()).toBe("Click the first name");
    expect(part(".notice").textContent).toBe("Already picked as Name: click another part of the page.");
  });

  it("cancels on Escape and on Cancel, removing the overlay", () => {
    start();
    clickOn($("#name"));
    const escapeKey = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    document.body.dispatchEvent(escapeKey);
    expect(escapeKey.defaultPrevented).toBe(true);
    expect(calls.cancelled).toBe(1);
    expect(host()).toBeNull();
    start();
    press(".cancel");
    expect(calls.cancelled).toBe(2);
    expect(host()).toBeNull();
    expect(calls.done).toEqual([]);
  });

  it("goes away without a word when the caller aborts, or cancels through its handle", () => {
    start();
    controller.abort();
    expect(host()).toBeNull();
    expect(calls.cancelled).toBe(0);
    controller = new AbortController();
    const picker = start();
    picker.cancel();
    picker.cancel();
    expect(host()).toBeNull();
    expect(calls.cancelled).toBe(1);
  });

  it("changes nothing of the page", () => {
    const before = document.body.innerHTML;
    start();
    clickOn($("#name"));
    clickOn($("#email"));
    expect(document.body.innerHTML).toBe(before);
    controller.abort();
    expect(document.documentElement.querySelector(setupPickerTag)).toBeNull();
  });

  it("has a closed root outside the tests' hook, and keeps its host's style and place", async () => {
    document.documentElement.removeAttribute("data-srh-e2e-open-widget");
    start();
    const picker = host();
    expect(picker?.shadowRoot).toBeNull();
    picker?.setAttribute("style", "display:none");
    picker?.setAttribute("hidden", "");
    picker?.remove();
    await settle();
    expect(host()).toBe(picker);
    expect(picker?.getAttribute("style")).toBe(pickerHostStyle);
    expect(picker?.hasAttribute("hidden")).toBe(false);
  });

  it("moves its bar out of the way of the pointer", () => {
    start();
    const move = (clientY: number) =>
      part(".layer").dispatchEvent(new MouseEvent("pointermove", { bubbles: true, composed: true, clientX: 5, clientY }));
    move(5);
    expect(part(".bar").classList.contains("low")).toBe(true);
    move(window.innerHeight / 2);
    expect(part(".bar").classList.contains("low")).toBe(true);
    move(window.innerHeight - 5);
    expect(part(".bar").classList.contains("low")).toBe(false);
  });

  it("outlines the element under the pointer as it moves", () => {
    start();
    under = $("#first");
    part(".layer").dispatchEvent(new MouseEvent("pointermove", { bubbles: true, composed: true, clientX: 5, clientY: 5 }));
    expect(part(".hover").style.display).toBe("block");
    under = null;
    part(".layer").dispatchEvent(new MouseEvent("pointermove", { bubbles: true, composed: true, clientX: 5, clientY: 5 }));
    expect(part(".hover").style.display).toBe("none");
  });
});

describe("pickedElement", () => {
  beforeEach(() => {
    document.body.innerHTML = page;
  });

  it("takes the innermost element with text, narrowed to the smallest one with the same text", () => {
    expect(pickedElement($("#icon"), "email")).toBe($("#email"));
    expect(pickedElement($("#email-cell"), "email")).toBe($("#email"));
    expect(pickedElement($("#first"), "firstName")).toBe($("#first"));
    expect(pickedElement($("#title"), "interviewTitle")).toBe($("#title-text"));
  });

  it("takes the heading holding the name", () => {
    expect(pickedElement($("#name-first"), "name")).toBe($("#name"));
  });

  it("takes the element itself on a page without text", () => {
    document.body.innerHTML = '<div id="empty"><i></i></div>';
    expect(pickedElement($("#empty i"), "name")).toBe($("#empty i"));
  });
});
