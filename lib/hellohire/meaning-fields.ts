import { type FieldKind, labelKind } from "./meaning-labels";
import { cleanText } from "./read-page";

/** A labelled value the page shows: what the label names, the value's cleaned text, and where both are. */
export interface Field {
  kind: FieldKind;
  value: string;
  valueElement: Element;
  /** The label's element; null when the value is labelled by its own aria-label. */
  labelElement: Element | null;
}

/** A value longer than this is no name, address or job title (a sibling that is a whole section, say). */
const maxValueLength = 1000;
const skippedParents = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "OPTION", "TITLE"]);
const hiddenSelector = '[hidden],[aria-hidden="true"],[style*="display: none"],[style*="display:none"]';
const controls = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** Hidden by an attribute or an inline style on it or an ancestor (computed styles are left out: too costly here). */
export function isHidden(element: Element): boolean {
  return element.closest(hiddenSelector) !== null;
}

/** A value the person at the keyboard can edit (a sign-in or settings form), not a candidate the page shows. */
function isEditable(element: Element): boolean {
  if (element.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  if (!controls.has(element.tagName)) return false;
  return !element.hasAttribute("readonly") && !element.hasAttribute("disabled");
}

function mailtoAddress(element: Element): string | null {
  const link = element.matches('a[href^="mailto:" i]') ? element : element.querySelector('a[href^="mailto:" i]');
  const href = link?.getAttribute("href");
  if (!href) return null;
  const address = href.slice("mailto:".length).split("?")[0] ?? "";
  try {
    return cleanText(decodeURIComponent(address));
  } catch {
    return cleanText(address);
  }
}

/** The text a value element shows for a field, or null when it is no value (hidden, editable, empty, a label itself). */
function valueText(element: Element, kind: FieldKind): string | null {
  if (isHidden(element) || isEditable(element)) return null;
  if (element.tagName === "INPUT" && element.getAttribute("type")?.toLowerCase() === "hidden") return null;
  let text: string;
  if (controls.has(element.tagName) || element.tagName === "OUTPUT") {
    const value: unknown = "value" in element ? element.value : element.textContent;
    text = cleanText(typeof value === "string" ? value : "");
  } else {
    const address = kind === "email" ? mailtoAddress(element) : null;
    const raw = element.textContent ?? "";
    if (address === null && raw.length > maxValueLength) return null;
    text = address ?? cleanText(raw);
  }
  if (!/[\p{L}\p{N}]/u.test(text) || labelKind(text) !== null) return null;
  return text;
}

function isColumnHeader(cell: Element): boolean {
  if (cell.tagName !== "TH") return false;
  const scope = cell.getAttribute("scope")?.toLowerCase();
  if (scope === "col") return true;
  if (scope === "row") return false;
  const row = cell.parentElement;
  if (row?.parentElement?.tagName === "THEAD") return true;
  return row !== null && row.children.length > 1 && [...row.children].every((c) => c.tagName === "TH");
}

/** A column header's value: the cell below it when the table has exactly one data row (more rows: a list of people). */
function columnValue(cell: Element): Element | null {
  const table = cell.closest("table");
  const row = cell.parentElement;
  if (!table || !row) return null;
  const column = [...row.children].indexOf(cell);
  const dataRows = [...table.querySelectorAll("tr")].filter(
    (r) =>
      r.closest("table") === table && r.parentElement?.tagName !== "THEAD" && ![...r.children].every((c) => c.tagName === "TH"),
  );
  return dataRows.length === 1 ? (dataRows[0]?.children[column] ?? null) : null;
}

/** Where a label element's value may be, by structure: dt/dd, label for, table cells, siblings. */
function valueCandidates(label: Element): Element[] {
  const tag = label.tagName;
  if (tag === "DT") {
    const next = label.nextElementSibling;
    return next?.tagName === "DD" ? [next] : [];
  }
  if (tag === "LABEL") {
    const id = label.getAttribute("for");
    const target = id ? label.ownerDocument.getElementById(id) : label.querySelector("input,select,textarea,output");
    return target ? [target] : [];
  }
  if ((tag === "TH" || tag === "TD") && isColumnHeader(label)) {
    const value = columnValue(label);
    return value ? [value] : [];
  }
  const next = label.nextElementSibling;
  if (next) return [next];
  const parent = label.parentElement;
  const previous = label.previousElementSibling;
  return parent?.children.length === 2 && previous ? [previous] : [];
}

/** The element holds only this child (whitespace aside): a wrapper of the label, not a row holding more. */
function wrapsOnly(parent: Element, child: Element): boolean {
  if (parent.children.length !== 1) return false;
  for (const node of parent.childNodes) if (node !== child && node.nodeType === 3 && cleanText(node.textContent)) return false;
  return true;
}

function isText(node: Node): node is Text {
  return node.nodeType === 3;
}

interface Scan {
  fields: Field[];
  labels: Element[];
}

/** A label met as text: its element, climbed through wrappers until a structure gives a value. */
function fromText(text: Text, kind: FieldKind, scope: Element, taken: Set<Element>, scan: Scan) {
  const parent = text.parentElement;
  if (!parent || skippedParents.has(parent.tagName) || isHidden(parent)) return;
  // Labels that name a value through aria-labelledby are read that way only.
  for (let up: Element | null = parent; up && up !== scope; up = up.parentElement) if (taken.has(up)) return;
  scan.labels.push(parent);
  if (cleanText(parent.textContent) !== cleanText(text.data)) {
    // "First name: <b>Ann</b>": the label is the text itself, the value the element after it.
    const next = text.nextElementSibling;
    const value = next ? valueText(next, kind) : null;
    if (next && value) scan.fields.push({ kind, value, valueElement: next, labelElement: parent });
    return;
  }
  for (let label: Element = parent; ; ) {
    for (const candidate of valueCandidates(label)) {
      const value = valueText(candidate, kind);
      if (value) {
        scan.fields.push({ kind, value, valueElement: candidate, labelElement: label });
        return;
      }
    }
    const up = label.parentElement;
    if (!up || up === scope || !wrapsOnly(up, label)) return;
    label = up;
  }
}

/** The text of the elements an aria-labelledby names, and those elements. */
function labelledBy(document: Document, ids: string): { text: string; labels: Element[] } {
  const labels = ids.split(/\s+/u).flatMap((id) => (id ? (document.getElementById(id) ?? []) : []));
  return { text: labels.map((label) => label.textContent ?? "").join(" "), labels };
}

/** Values labelled by ARIA: aria-labelledby (the label elements' text) or aria-label on the value element itself. */
function fromAria(scope: Element, taken: Set<Element>, scan: Scan) {
  const document = scope.ownerDocument;
  for (const element of scope.querySelectorAll("[aria-label],[aria-labelledby]")) {
    const ids = element.getAttribute("aria-labelledby");
    const { text, labels } = ids ? labelledBy(document, ids) : { text: element.getAttribute("aria-label"), labels: [] };
    for (const label of labels) taken.add(label);
    const kind = labelKind(text);
    if (!kind) continue;
    const value = valueText(element, kind);
    if (value) scan.fields.push({ kind, value, valueElement: element, labelElement: labels[0] ?? null });
  }
}

const nonSpace = /\S/u;

/** What one walk over the page found: the labelled fields, and its text nodes that are not only whitespace (for finding the name element). */
export interface PageScan {
  fields: Field[];
  texts: Text[];
}

/**
 * Every labelled first name, last name, email and job title shown in the scope (the page), in every common
 * structure. Labels are found as short texts (one walk over the text nodes) and by ARIA; a value
 * that holds another label (a whole row or section) and one the person can edit are left out.
 */
export function scanPage(scope: Element): PageScan {
  const scan: Scan = { fields: [], labels: [] };
  const texts: Text[] = [];
  const taken = new Set<Element>();
  fromAria(scope, taken, scan);
  const walker = scope.ownerDocument.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Most text nodes are the markup's indentation: skipped at the cost of one scan for a non-space.
    if (!isText(node) || !nonSpace.test(node.data)) continue;
    texts.push(node);
    const kind = labelKind(node.data);
    if (kind) fromText(node, kind, scope, taken, scan);
  }
  const byValue = new Map<Element, Field>();
  for (const field of scan.fields) {
    const holdsLabel = scan.labels.some((label) => label !== field.labelElement && field.valueElement.contains(label));
    if (!holdsLabel && !byValue.has(field.valueElement)) byValue.set(field.valueElement, field);
  }
  return { fields: [...byValue.values()], texts };
}
