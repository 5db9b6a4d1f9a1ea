import { isHidden } from "./meaning-fields";
import { namePattern } from "./meaning-labels";

/** Texts longer than this are no name shown as a heading. */
const maxNameLength = 500;

/** The smallest element holding all of these (the first one when alone); null when they share none. */
export function commonAncestor(elements: readonly Element[]): Element | null {
  let ancestor: Element | null = elements[0] ?? null;
  for (const element of elements.slice(1)) {
    while (ancestor && !ancestor.contains(element)) ancestor = ancestor.parentElement;
  }
  return ancestor;
}

function depth(element: Element): number {
  let count = 0;
  for (let up = element.parentElement; up; up = up.parentElement) count++;
  return count;
}

export function isHeadingLike(element: Element): boolean {
  return /^H[1-6]$/u.test(element.tagName) || /(^|\s)heading(\s|$)/u.test(element.getAttribute("role") ?? "");
}

/** The element holds only this child (whitespace aside). */
function wrapsOnly(parent: Element, child: Element): boolean {
  if (parent.children.length !== 1) return false;
  for (const node of parent.childNodes) if (node !== child && node.nodeType === 3 && node.textContent?.trim()) return false;
  return true;
}

/** How prominent a text looks (computed font size and weight): read only for the few elements showing the name. */
function prominence(element: Element): { size: number; weight: number } {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  const weightText = style?.fontWeight ?? "";
  const weight = weightText === "bold" || weightText === "bolder" ? 700 : Number.parseFloat(weightText) || 400;
  return { size: Number.parseFloat(style?.fontSize ?? "") || 16, weight };
}

/** An element showing the name, and the element whose style shows it (the text's own, for a wrapper). */
interface Shown {
  element: Element;
  styled: Element;
}

/**
 * Elements showing exactly the name, among the page's text nodes (one anchored pattern test each): the text's
 * element climbed through wrappers up to a heading; for a name shown in parts, the element a level or two up from
 * its first name.
 */
function nameShowing(room: Element, texts: readonly Text[], pattern: RegExp): Shown[] {
  const found = new Map<Element, Element>();
  const showsName = (text: string | null) =>
    text !== null && text.length <= maxNameLength && pattern.exec(text)?.[2] !== undefined;
  for (const node of texts) {
    const data = node.data;
    if (data.length > maxNameLength) continue;
    const match = pattern.exec(data);
    const parent = node.parentElement;
    if (!match || !parent || parent === room || !room.contains(parent)) continue;
    let element = parent;
    if (match[2] !== undefined) {
      // Up through wrappers ("<div><span>Ann O'Neil</span></div>"), stopping at a heading.
      while (
        !isHeadingLike(element) &&
        element.parentElement &&
        element.parentElement !== room &&
        wrapsOnly(element.parentElement, element)
      )
        element = element.parentElement;
      found.set(element, parent);
    } else {
      // The name in parts ("<span>Ann</span> <span>O'Neil</span>"): its element or one a level or two up showing all of it.
      for (let up: Element | null = element, level = 0; up && up !== room && level < 3; up = up.parentElement, level++)
        if (showsName(up.textContent)) {
          found.set(up, up);
          break;
        }
    }
  }
  const shown = [...found].filter(([element]) => !isHidden(element));
  // A heading holding a span with the name: the outer one is the name element.
  return shown
    .filter(([element]) => !shown.some(([other]) => other !== element && other.contains(element)))
    .map(([element, styled]) => ({ element, styled }));
}

function mostProminent(texts: readonly Shown[], reference: Element): Element | "ambiguous" | null {
  const base = prominence(reference);
  const scored = texts
    .map(({ element, styled }) => ({ element, ...prominence(styled) }))
    .filter(({ size, weight }) => size >= base.size * 1.15 || (weight >= 600 && weight > base.weight))
    .sort((a, b) => b.size - a.size || b.weight - a.weight);
  const [best, next] = scored;
  if (!best) return null;
  return next && next.size === best.size && next.weight === best.weight ? "ambiguous" : best.element;
}

/**
 * The element showing the candidate's name ("First Last", or "Last, First") nearest to the name fields: at the
 * deepest common ancestor with them, a heading (h1-h6, role=heading), else the most prominent text (computed size
 * and weight, above the first name's value). Two equally good ones: "ambiguous"; none: null.
 */
export function findNameElement(
  room: Element,
  texts: readonly Text[],
  firstName: string,
  lastName: string,
  nameFields: readonly Element[],
): Element | "ambiguous" | null {
  const fieldsAncestor = commonAncestor(nameFields);
  const reference = nameFields[0];
  if (!fieldsAncestor || !reference) return null;
  const byLevel = new Map<number, Shown[]>();
  for (const shown of nameShowing(room, texts, namePattern(firstName, lastName))) {
    const shared = commonAncestor([fieldsAncestor, shown.element]);
    if (!shared) continue;
    const level = depth(shared);
    byLevel.set(level, [...(byLevel.get(level) ?? []), shown]);
  }
  for (const level of [...byLevel.keys()].sort((a, b) => b - a)) {
    const elements = byLevel.get(level) ?? [];
    const headings = elements.map((shown) => shown.element).filter(isHeadingLike);
    if (headings.length > 1) return "ambiguous";
    if (headings[0]) return headings[0];
    const prominent = mostProminent(elements, reference);
    if (prominent) return prominent;
  }
  return null;
}
