import type { MarkupTable } from "./markup";

/** Checks CSS selector syntax with a DOM when there is one (content scripts, pages); the service worker has none. */
export function selectorSyntaxOk(selector: string): boolean {
  if (typeof document === "undefined") return selector.trim() !== "";
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * The selectors of a markup table this browser cannot parse (an empty one is an entry left unused), named as the override's problems are. The
 * background checks everything else of an override (lib/hellohire/markup-override.ts) but has no DOM in
 * Chromium's service worker, so the content script checks the syntax before it reads a page with it.
 */
export function selectorProblems(markup: MarkupTable): string[] {
  return Object.entries(markup.selectors)
    .filter(([, selector]) => selector !== "" && !selectorSyntaxOk(selector))
    .map(([name]) => `selectors.${name} is not valid`);
}
