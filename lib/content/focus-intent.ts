/** How soon after a person's Tab or pointer press the focus must reach a control for it to be theirs. */
const intentMs = 1_000;

export interface FocusIntent {
  /**
   * Whether a trusted click on `control` is the interviewer's: a pointer click always is; a key press (a click with
   * `detail` 0) only on a control the interviewer moved the focus to (Tab, or pressing it), not one the page focused
   * so that the next Enter would land there.
   */
  counts(event: MouseEvent, control: Element): boolean;
}

/**
 * Watches, on `view` (capture, so a page listener below cannot hide them), the interviewer's trusted pointer presses
 * and Tab key presses, and notes which of `root`'s controls the focus reached within a second of one. The focus
 * leaving for elsewhere in the page forgets it; the window losing the focus (another tab, another app) does not.
 */
export function trackFocusIntent(view: Window, root: ShadowRoot, signal: AbortSignal): FocusIntent {
  let lastAction = Number.NEGATIVE_INFINITY;
  const chosen = new WeakSet<EventTarget>();
  const options = { capture: true, signal };
  view.addEventListener(
    "pointerdown",
    (event) => {
      if (event.isTrusted) lastAction = Date.now();
    },
    options,
  );
  view.addEventListener(
    "keydown",
    (event) => {
      if (event.isTrusted && event.key === "Tab") lastAction = Date.now();
    },
    options,
  );
  root.addEventListener(
    "focusin",
    (event) => {
      const focused = root.activeElement;
      if (focused && focused === event.target && Date.now() - lastAction <= intentMs) chosen.add(focused);
    },
    options,
  );
  root.addEventListener(
    "focusout",
    (event) => {
      if (event.target && view.document.hasFocus()) chosen.delete(event.target);
    },
    options,
  );
  return { counts: (event, control) => event.detail > 0 || chosen.has(control) };
}
