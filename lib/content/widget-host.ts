import { hostStyle } from "../../components/widget-styles";

/** The widget's host element's tag name in the page. */
export const widgetHostTag = "srh-interview-widget";

/**
 * The widget's host element sits in the page's DOM, where a page script could read the widget, hide it, or move it
 * over one of its own controls so that the interviewer rates without knowing. What the page must not do to it is
 * refused here; the rest of the content script does not know how.
 */

/**
 * Closed: the page cannot reach our shadow root (the candidate's SmartRecruiters link, the rating shown as pressed,
 * our buttons). The exception exists for the end-to-end tests only: Playwright's locators cannot see into a closed
 * root, so in test builds (`MODE` is a compile-time constant: production builds drop this branch, attribute name
 * included, which test/e2e/builds.e2e.ts checks) an attribute that the tests' init script puts on `<html>` opens it
 * (test/e2e/extension.ts).
 */
export function widgetShadowMode(document: Document): ShadowRootMode {
  return import.meta.env.MODE === "test" && document.documentElement.hasAttribute("data-srh-e2e-open-widget") ? "open" : "closed";
}

/**
 * Keeps the host's attributes ours: our inline style (`style`: the widget's hostStyle unless another host's is given)
 * and the attributes set through the returned function; any other attribute the page adds (hidden, inert, popover,
 * tabindex, class…) is removed and any change of ours undone, at once. Only the host's own attributes are watched: no style is read.
 */
export function guardHost(host: Element, signal: AbortSignal, style = hostStyle): (name: string, value: string) => void {
  const ours = new Map([["style", style]]);
  const restore = () => {
    for (const { name } of [...host.attributes]) if (!ours.has(name)) host.removeAttribute(name);
    for (const [name, value] of ours) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    observer.takeRecords();
  };
  const observer = new MutationObserver(restore);
  observer.observe(host, { attributes: true });
  signal.addEventListener("abort", () => observer.disconnect());
  restore();
  return (name, value) => {
    ours.set(name, value);
    restore();
  };
}

/** The parent in the rendered tree: through slots and out of shadow roots. */
function parentOf(element: Element): Element | null {
  const parent = element.assignedSlot ?? element.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/**
 * Whether the interviewer can really see the host (read at click time only): not hidden by an ancestor, and its
 * effective opacity (the product of its ancestors' opacities) at least one half.
 */
export function isShown(host: Element): boolean {
  const view = host.ownerDocument.defaultView;
  if (!view || !host.isConnected) return false;
  if (typeof host.checkVisibility === "function" && !host.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
    return false;
  let opacity = 1;
  for (let element: Element | null = host; element; element = parentOf(element)) {
    const value = Number.parseFloat(view.getComputedStyle(element).opacity);
    if (!Number.isNaN(value)) opacity *= value;
  }
  return opacity >= 0.5;
}
