/**
 * Runs in the side panel page's main world before its own scripts (an init script): notes when the
 * "Loading…" placeholder and the settings' "SmartRecruiters integration" switch enter the DOM, and
 * when the switch's label is painted. Read the result with `page.evaluate(readPanelPaint)`.
 * Self-contained (serialized into the page); times are `performance.now()`, i.e. ms since navigation start.
 */
export interface PanelPaint {
  /** "Loading…" placeholder first in the DOM. */
  loadingAt: number | null;
  /** The switch (role=switch, label "SmartRecruiters integration") first in the DOM. */
  switchAt: number | null;
  /** Start of the first animation frame after the switch was in the DOM (rAF callback). */
  frameAt: number | null;
  /** First task after that frame's rendering update (style, layout, paint done on the main thread). */
  afterFrameAt: number | null;
  /** Element Timing renderTime of the switch's label: the frame that painted it was presented. */
  elementAt: number | null;
  /** The first-contentful-paint entry. */
  fcpAt: number | null;
  /** Navigation Timing of the page: HTML parsed (before the module script runs), DOMContentLoaded (after it ran). */
  domInteractive: number | null;
  domContentLoaded: number | null;
  /** The switch had a non-empty box and was visible (checkVisibility) at the first frame after it appeared. */
  visible: boolean | null;
}

export const switchLabel = "SmartRecruiters integration";

export function installPanelPaintProbe(label: string): void {
  const state: PanelPaint = {
    loadingAt: null,
    switchAt: null,
    frameAt: null,
    afterFrameAt: null,
    elementAt: null,
    fcpAt: null,
    domInteractive: null,
    domContentLoaded: null,
    visible: null,
  };
  (globalThis as unknown as { __srhPanelPaint: PanelPaint }).__srhPanelPaint = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") state.fcpAt ??= entry.startTime;
    }).observe({ type: "paint", buffered: true });
  } catch {
    // no Paint Timing: fcpAt stays null
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const timing = entry as PerformanceEntry & { identifier?: string; renderTime?: number };
        if (timing.identifier === "srh-settings-switch") state.elementAt ??= timing.renderTime || timing.startTime;
      }
    }).observe({ type: "element", buffered: true });
  } catch {
    // no Element Timing: elementAt stays null
  }
  const findSwitch = (): HTMLInputElement | null => {
    for (const input of document.querySelectorAll<HTMLInputElement>('input[role="switch"]')) {
      if (input.closest("label")?.textContent?.trim() === label) return input;
    }
    return null;
  };
  const check = (): boolean => {
    if (state.loadingAt === null && document.querySelector(".loading") !== null) state.loadingAt = performance.now();
    const input = findSwitch();
    if (input === null) return false;
    state.switchAt = performance.now();
    // Element Timing reports text in an element carrying `elementtiming` when it is first painted; this
    // callback runs in the same microtask checkpoint as the render that inserted it, so before any paint.
    const text = input.closest("label")?.querySelector("span") ?? input.closest("label");
    text?.setAttribute("elementtiming", "srh-settings-switch");
    requestAnimationFrame(() => {
      state.frameAt = performance.now();
      const box = input.getBoundingClientRect();
      const checkVisibility = (input as HTMLElement & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
      state.visible =
        box.width > 0 &&
        box.height > 0 &&
        (checkVisibility === undefined || checkVisibility.call(input, { visibilityProperty: true }));
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.afterFrameAt = performance.now();
      };
      channel.port2.postMessage(null);
    });
    return true;
  };
  if (check()) return;
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Waits (in the page) until the probe has all it can get, or `timeoutMs`; returns what it has. */
export function readPanelPaint(timeoutMs: number): Promise<PanelPaint | null> {
  const state = (globalThis as unknown as { __srhPanelPaint?: PanelPaint }).__srhPanelPaint;
  if (state === undefined) return Promise.resolve(null);
  const started = performance.now();
  return new Promise((resolve) => {
    const poll = () => {
      const complete = state.afterFrameAt !== null && state.elementAt !== null && state.fcpAt !== null;
      // Element Timing may lag the frame by a few ms; give it 500 ms after the frame before giving up on it.
      const settled = state.afterFrameAt !== null && performance.now() - state.afterFrameAt > 500;
      if (complete || settled || performance.now() - started > timeoutMs) {
        const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        resolve({
          ...state,
          domInteractive: navigation?.domInteractive ?? null,
          domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
        });
      } else setTimeout(poll, 10);
    };
    poll();
  });
}
