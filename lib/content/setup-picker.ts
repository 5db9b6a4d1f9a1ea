import type { SetupPicks } from "../hellohire/derive-selector";
import { cleanText } from "../hellohire/read-page";
import { type MessageKey, messagesLanguage, t } from "../i18n/messages";
import { guardHost, widgetShadowMode } from "./widget-host";

/**
 * "Set up this page", on the page: the interviewer clicks the candidate's name, email, first and last name, the
 * interview's title and the job title, one step at a time. An overlay of our own takes every pointer event (the page's
 * handlers never get those clicks), outlines the element under the pointer and each one picked, and a bar says what to
 * click. Only the interviewer's own input counts (trusted events): a page script cannot drive it. Nothing of the page
 * is changed; our host goes away when done, cancelled or aborted.
 */

import type { SetupStep } from "../messaging/protocol";

export type { SetupStep };

export interface SetupPickerOptions {
  document: Document;
  signal: AbortSignal;
  /** After each pick or skip (null: skipped). */
  onStep?(step: SetupStep, picked: Element | null): void;
  /** After Back: the step that is current again (its earlier pick dropped). */
  onBack?(step: SetupStep): void;
  onDone(picks: SetupPicks): void;
  /** The interviewer cancelled (Cancel, Escape) or the caller did (the handle's cancel); not called on abort. */
  onCancel(): void;
  /** The page's element under the pointer; the default asks `document.elementsFromPoint`, skipping our overlay. */
  pointTarget?(x: number, y: number): Element | null;
  /** Unit tests only (their DOM's events are never trusted): lets untrusted events drive the picker. */
  acceptUntrustedForTests?: boolean;
}

export const setupPickerTag = "srh-setup-picker";

interface StepSpec {
  step: SetupStep;
  instruction: MessageKey;
  label: MessageKey;
  skip?: MessageKey;
}

const steps: readonly StepSpec[] = [
  { step: "name", instruction: "pickerClickName", label: "pickerLabelName" },
  { step: "email", instruction: "pickerClickEmail", label: "pickerLabelEmail", skip: "pickerSkipEmail" },
  { step: "firstName", instruction: "pickerClickFirstName", label: "pickerLabelFirstName" },
  { step: "lastName", instruction: "pickerClickLastName", label: "pickerLabelLastName" },
  { step: "interviewTitle", instruction: "pickerClickInterviewTitle", label: "pickerLabelInterviewTitle" },
  { step: "jobTitle", instruction: "pickerClickJobTitle", label: "pickerLabelJobTitle", skip: "pickerSkipJobTitle" },
];

/** Above everything on the page, covering the viewport; the page cannot restyle it away (inline, important). */
export const pickerHostStyle =
  "all:initial!important;display:block!important;position:fixed!important;inset:0!important;z-index:2147483647!important;" +
  "visibility:visible!important;opacity:1!important;pointer-events:auto!important;transform:none!important;" +
  "filter:none!important;clip-path:none!important;mask:none!important;margin:0!important;overflow:visible!important";

const styles = `
.bar, .tag { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; }
.layer { position: fixed; inset: 0; z-index: 1; cursor: crosshair; background: transparent; }
.box { position: fixed; z-index: 2; pointer-events: none; box-sizing: border-box; display: none; border-radius: 3px; }
.hover { border: 2px dashed #0b6bcb; background: rgba(11, 107, 203, 0.08); }
.picked { border: 2px solid #c2410c; background: rgba(194, 65, 12, 0.08); }
.tag { position: absolute; left: -2px; bottom: 100%; background: #c2410c; color: #ffffff; font-weight: 600; padding: 1px 6px;
  border-radius: 3px 3px 0 0; white-space: nowrap; }
.bar { position: fixed; top: 0; left: 0; right: 0; z-index: 3; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px;
  padding: 8px 12px; background: #ffffff; border-bottom: 2px solid #0b6bcb; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); }
.bar.low { top: auto; bottom: 0; border-bottom: 0; border-top: 2px solid #0b6bcb; }
.count { color: #52606d; }
.instruction { font-weight: 700; font-size: 15px; }
.notice { color: #b42318; }
.actions { margin-left: auto; display: flex; gap: 6px; }
button { font: inherit; color: #1f2933; background: #ffffff; border: 1px solid #9aa5b1; border-radius: 6px; padding: 3px 12px;
  cursor: pointer; }
button:focus-visible { outline: 2px solid #0b6bcb; outline-offset: 1px; }
button[hidden] { display: none; }
`;

/** What the page could otherwise hear of a click on our overlay. */
const pointerEvents = ["pointerdown", "pointerup", "mousedown", "mouseup", "click", "auxclick", "contextmenu", "dblclick"];

/** How near the bar (px) the pointer may come before the bar moves to the other edge of the viewport. */
const barMargin = 24;

const isHeading = "h1, h2, h3, h4, h5, h6, [role='heading']";

/**
 * What a click at an element picks: the innermost element there with text (the element itself on a page without any),
 * narrowed to the smallest one with the same text (`<dd><a>ann@…</a></dd>` gives the link); for the name, the heading
 * holding it.
 */
export function pickedElement(hit: Element, step: SetupStep): Element {
  const { body, documentElement } = hit.ownerDocument;
  let element: Element | null = hit;
  while (element && !cleanText(element.textContent)) element = element.parentElement;
  if (!element || element === body || element === documentElement) element = hit;
  const text = cleanText(element.textContent);
  for (;;) {
    const same: Element[] = [...element.children].filter((child) => cleanText(child.textContent) === text);
    const [only] = same;
    if (!only || same.length > 1 || !text) break;
    element = only;
  }
  return step === "name" ? (element.closest(isHeading) ?? element) : element;
}

/** Starts the picker on the page; it ends by itself after the last step, on Cancel or Escape, or when `signal` aborts. */
export function startSetupPicker(options: SetupPickerOptions): { cancel(): void } {
  const { document } = options;
  const view = document.defaultView;
  const ended = new AbortController();
  const signal = ended.signal;
  const end = () => ended.abort();
  if (options.signal.aborted || !view) return { cancel: () => undefined };
  options.signal.addEventListener("abort", end, { signal });

  const host = document.createElement(setupPickerTag);
  const setHostAttribute = guardHost(host, signal, pickerHostStyle);
  const language = messagesLanguage();
  if (language) setHostAttribute("lang", language);
  const shadow = host.attachShadow({ mode: widgetShadowMode(document) });
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: Node = shadow) => {
    const element = document.createElement(tag);
    element.className = className;
    parent.appendChild(element);
    return element;
  };
  make("style", "").textContent = styles;
  const layer = make("div", "layer");
  const hover = make("div", "box hover");
  const bar = make("div", "bar");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", t("pickerBarLabel"));
  const count = make("span", "count", bar);
  const instruction = make("strong", "instruction", bar);
  instruction.setAttribute("aria-live", "polite");
  const notice = make("span", "notice", bar);
  const actions = make("span", "actions", bar);
  const skip = make("button", "skip", actions);
  const back = make("button", "back", actions);
  const cancel = make("button", "cancel", actions);
  for (const button of [skip, back, cancel]) button.type = "button";
  back.textContent = t("pickerBack");
  cancel.textContent = t("pickerCancel");

  let index = 0;
  const picks = new Map<SetupStep, Element | null>();
  const boxes = new Map<SetupStep, HTMLElement>();
  const pointTarget =
    options.pointTarget ??
    ((x: number, y: number) =>
      typeof document.elementsFromPoint === "function"
        ? (document.elementsFromPoint(x, y).find((element) => element !== host && !host.contains(element)) ?? null)
        : null);
  const counts = (event: Event) => event.isTrusted || options.acceptUntrustedForTests === true;

  function place(box: HTMLElement, element: Element | null) {
    if (!element?.isConnected) {
      box.style.display = "none";
      return;
    }
    const rect = element.getBoundingClientRect();
    Object.assign(box.style, {
      display: "block",
      left: `${rect.left - 2}px`,
      top: `${rect.top - 2}px`,
      width: `${rect.width + 4}px`,
      height: `${rect.height + 4}px`,
    });
  }

  function placeAll() {
    for (const [step, box] of boxes) place(box, picks.get(step) ?? null);
  }

  function show() {
    const spec = steps[index];
    if (!spec) return;
    count.textContent = t("pickerStepOf", String(index + 1), String(steps.length));
    instruction.textContent = t(spec.instruction);
    notice.textContent = "";
    skip.hidden = !spec.skip;
    skip.textContent = spec.skip ? t(spec.skip) : "";
    back.hidden = index === 0;
  }

  function advance(step: SetupStep, picked: Element | null) {
    picks.set(step, picked);
    options.onStep?.(step, picked);
    index++;
    if (index < steps.length) return show();
    const { name, firstName, lastName, interviewTitle } = Object.fromEntries(picks);
    end();
    if (name && firstName && lastName && interviewTitle)
      options.onDone({
        name,
        firstName,
        lastName,
        interviewTitle,
        email: picks.get("email") ?? null,
        jobTitle: picks.get("jobTitle") ?? null,
      });
  }

  function pick(x: number, y: number) {
    const spec = steps[index];
    const hit = pointTarget(x, y);
    if (!spec || !hit || hit === host) return;
    const element = pickedElement(hit, spec.step);
    const earlier = steps.find(({ step }) => picks.get(step) === element);
    if (earlier) {
      notice.textContent = t("pickerAlreadyPicked", t(earlier.label));
      return;
    }
    const box = make("div", "box picked");
    make("span", "tag", box).textContent = t(spec.label);
    boxes.set(spec.step, box);
    place(box, element);
    hover.style.display = "none";
    advance(spec.step, element);
  }

  function goBack() {
    if (index === 0) return;
    index--;
    const spec = steps[index];
    if (!spec) return;
    picks.delete(spec.step);
    boxes.get(spec.step)?.remove();
    boxes.delete(spec.step);
    show();
    options.onBack?.(spec.step);
  }

  function cancelled() {
    if (signal.aborted) return;
    end();
    options.onCancel();
  }

  // The page hears nothing of what happens on our overlay; the layer's clicks do nothing by default either.
  for (const type of pointerEvents) {
    layer.addEventListener(type, (event) => event.preventDefault(), { signal });
    shadow.addEventListener(type, (event) => event.stopPropagation(), { signal });
  }
  layer.addEventListener(
    "click",
    (event) => {
      if (counts(event)) pick(event.clientX, event.clientY);
    },
    { signal },
  );
  layer.addEventListener(
    "pointermove",
    (event) => {
      const spec = steps[index];
      if (!counts(event) || !spec) return;
      // The bar makes way for what is under it: at the bottom while the pointer is near the top, and back.
      const room = bar.offsetHeight + barMargin;
      if (event.clientY < room) bar.classList.add("low");
      else if (event.clientY > view.innerHeight - room) bar.classList.remove("low");
      const hit = pointTarget(event.clientX, event.clientY);
      place(hover, hit && hit !== host ? pickedElement(hit, spec.step) : null);
    },
    { signal },
  );
  const onButton = (button: HTMLButtonElement, action: () => void) =>
    button.addEventListener(
      "click",
      (event) => {
        if (counts(event)) action();
      },
      { signal },
    );
  onButton(skip, () => {
    const spec = steps[index];
    if (spec?.skip) advance(spec.step, null);
  });
  onButton(back, goBack);
  onButton(cancel, cancelled);
  view.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape" || !counts(event)) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      cancelled();
    },
    { capture: true, signal },
  );
  view.addEventListener("scroll", placeAll, { capture: true, passive: true, signal });
  view.addEventListener("resize", placeAll, { passive: true, signal });
  // The page may take our host out: it goes back at once while the picker runs.
  const keeper = new MutationObserver(() => {
    if (!host.isConnected) document.documentElement.append(host);
  });
  keeper.observe(document.documentElement, { childList: true });
  signal.addEventListener("abort", () => {
    keeper.disconnect();
    host.remove();
  });

  show();
  document.documentElement.append(host);
  return { cancel: cancelled };
}
