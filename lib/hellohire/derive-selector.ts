import type { SelectorName } from "./markup";
import { maxSelectorLength } from "./markup-override";
import { commonAncestor } from "./meaning-name";
import { cleanText } from "./read-page";

/**
 * Works out the markup table's selectors from what the interviewer clicked on the page ("Set up this page"). Each
 * selector prefers what survives a re-render and another candidate: ids without digits, data-* attributes, ARIA and
 * other meaningful attributes, tag names, readable class names; positions (`:nth-of-type`) come last. Hashed classes
 * (CSS modules, styled-components, emotion), utility classes (Tailwind, Bootstrap), generated values and values that
 * carry the picked texts (a name, an email) are never used.
 */

export interface SetupPicks {
  name: Element;
  firstName: Element;
  lastName: Element;
  email: Element | null;
  interviewTitle: Element;
  jobTitle: Element | null;
}

export type DerivedOverride = { selectors: Partial<Record<SelectorName, string>> };

export type DeriveResult = { ok: true; override: DerivedOverride } | { ok: false; problem: "same-element" | "no-selector" };

/** One compound selector for one element, and how little we trust it to survive a re-render (lower is better). */
interface Step {
  text: string;
  cost: number;
}

const cost = { id: 1, data: 1, dataPresence: 2, attribute: 2, label: 3, tag: 4, className: 5, position: 20 } as const;

/** Steps per ancestor tried when a chain is extended, chains kept between rounds, ancestors looked at, chain length. */
const stepsPerAncestor = 3;
const beamWidth = 12;
const maxAncestors = 12;
const maxChain = 4;

/** Attribute values longer than this are not used: real stable values are short. */
const maxValueLength = 80;

/** data-* attributes that say a passing state, not what the element is. */
const stateAttribute =
  /^data-(state|active|selected|checked|pressed|disabled|focus|focused|focus-visible|hover|hovered|highlighted|open|expanded|loading|orientation|side|align|headlessui-state|reactid|react-checksum|styled|emotion|rk|rbd-[a-z-]+)$/u;

const utilityClass =
  /^-?(p|px|py|pt|pb|pl|pr|ps|pe|m|mx|my|mt|mb|ml|mr|ms|me|w|h|min-w|min-h|max-w|max-h|size|gap|gap-x|gap-y|space-x|space-y|inset|top|bottom|left|right|z|order|basis|grow|shrink|col|cols|row|rows|text|font|leading|tracking|bg|from|via|to|border|rounded|shadow|ring|outline|opacity|items|justify|content|self|place|align|overflow|whitespace|break|cursor|select|transition|duration|ease|delay|animate|fill|stroke|object|aspect|columns|divide|decoration|underline|no-underline|line-clamp|sr-only|not-sr-only|d|flex|grid|inline|list|float|clear|box|visible|invisible|static|fixed|absolute|relative|sticky|hidden|block|contents|container|truncate|italic|not-italic|uppercase|lowercase|capitalize|normal-case|antialiased|subpixel-antialiased|transform|filter|blur|backdrop|pointer-events|resize|scroll|snap|touch|will-change|table|isolate|isolation|dark|light|sm|md|lg|xl|xxl|is|has|js|u|lh|fs|fw|fst|vstack|hstack|visually-hidden|clearfix)(-[a-z-]*)?$/u;

/** Classes that styling tools generate: the prefixes of styled-components, emotion, styled-jsx, Svelte, JSS and the like. */
const hashedPrefix = /^(sc|css|jsx|emotion|svelte|astro|ng|makeStyles|jss|tw|chakra|mantine)-/u;

function hasDigit(text: string): boolean {
  return /\d/u.test(text);
}

/** A random-looking token without digits (`bdVaJa`): case switching back and forth in a short word. */
function mixedCaseHash(token: string): boolean {
  return token.length <= 8 && (token.match(/[a-z][A-Z]/gu)?.length ?? 0) >= 2;
}

/** Readable, not hashed, not a utility: the classes a person named for what the element is. */
export function isReadableClass(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z_-]*$/u.test(name) || name.length > 40) return false;
  if (hashedPrefix.test(name) || utilityClass.test(name)) return false;
  return !name.split(/[-_]+/u).some(mixedCaseHash);
}

/** A value a framework or a build made up: digits in runs, hex or UUID-like tokens, very long values. */
export function looksGenerated(value: string): boolean {
  if (value.length > maxValueLength || /\d{3,}/u.test(value)) return true;
  if ((value.match(/\d/gu)?.length ?? 0) >= 3) return true;
  return value
    .split(/[-_:.\s/]+/u)
    .some((token) => (token.length >= 5 && hasDigit(token) && /[a-z]/iu.test(token)) || mixedCaseHash(token));
}

/**
 * Escapes an attribute value for a double-quoted CSS string (CSS.escape is for identifiers and may be missing):
 * backslashes and quotes get a backslash, line breaks and other control characters their hex escape.
 */
export function escapeAttributeValue(value: string): string {
  return value.replace(/["\\]/gu, "\\$&").replace(/\p{Cc}/gu, (char) => `\\${char.charCodeAt(0).toString(16)} `);
}

function attributeStep(name: string, value: string | null, stepCost: number): Step {
  return { text: value === null ? `[${name}]` : `[${name}="${escapeAttributeValue(value)}"]`, cost: stepCost };
}

/** Lower case, and every run of other characters than letters and digits one space, with a space at each end. */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/**
 * Texts that change with the candidate or the interview (as words(), "Ann O'Neil": " ann o neil "): an attribute value
 * carrying one of them as whole words, or an email, would not survive the next candidate.
 */
function carriesVolatileText(value: string, volatile: readonly string[]): boolean {
  if (value.includes("@")) return true;
  const valueWords = words(value);
  const compact = valueWords.replaceAll(" ", "");
  return volatile.some((text) => {
    const compactText = text.replaceAll(" ", "");
    return compactText !== "" && (valueWords.includes(text) || (compactText.length >= 5 && compact.includes(compactText)));
  });
}

const meaningfulAttributes = ["aria-label", "aria-labelledby", "role", "name", "itemprop", "for"] as const;

/** Every step that names this element, best first; its position among them unless it is a label's step. */
function stepsFor(element: Element, volatile: readonly string[], asLabel = false): Step[] {
  const steps: Step[] = [];
  const id = element.getAttribute("id");
  if (id && /^[A-Za-z_-]+$/u.test(id) && !/^-?-/u.test(id) && !carriesVolatileText(id, volatile))
    steps.push({ text: `#${id}`, cost: cost.id });
  for (const { name, value } of element.attributes) {
    if (!name.startsWith("data-") || !/^data-[a-z][a-z_-]*$/u.test(name) || stateAttribute.test(name)) continue;
    if (value && !looksGenerated(value) && !carriesVolatileText(value, volatile))
      steps.push(attributeStep(name, value, cost.data));
    else steps.push(attributeStep(name, null, cost.dataPresence));
  }
  for (const name of meaningfulAttributes) {
    const value = element.getAttribute(name);
    if (value === null || value.trim() === "" || carriesVolatileText(value, volatile)) continue;
    const generated = name === "aria-labelledby" || name === "for" ? hasDigit(value) : looksGenerated(value);
    if (!generated) steps.push(attributeStep(name, value, cost.attribute));
  }
  const tag = /^[a-z][a-z0-9-]*$/u.test(element.localName) ? element.localName : null;
  if (tag) steps.push({ text: tag, cost: cost.tag });
  for (const name of element.classList)
    if (isReadableClass(name) && !carriesVolatileText(name, volatile)) steps.push({ text: `.${name}`, cost: cost.className });
  if (asLabel) return steps;
  // A label beside the value: the label's own stable attribute, then the value's tag (`[data-field="first"] + span`).
  const label = element.previousElementSibling;
  if (tag && label && steps.every((step) => step.cost >= cost.tag))
    for (const step of stepsFor(label, volatile, true).filter((labelStep) => labelStep.cost <= cost.attribute))
      steps.push({ text: `${step.text} + ${tag}`, cost: cost.label });
  if (tag && element !== element.ownerDocument.body) steps.push({ text: positionStep(element), cost: cost.position });
  return steps.sort((a, b) => a.cost - b.cost);
}

function positionOf(element: Element): number {
  let position = 1;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling)
    if (sibling.localName === element.localName) position++;
  return position;
}

/** The element the scope's own querySelector starts below: ancestors at or above it are not part of a chain. */
function scopeElement(scope: ParentNode): Element | null {
  if (scope instanceof Element) return scope;
  return isDocument(scope) ? scope.documentElement : null;
}

/** By node type: a page's Document may come from another realm (or a test DOM) than the global class. */
function isDocument(node: ParentNode): node is Document {
  return node.nodeType === 9;
}

function matchesFirst(selector: string, element: Element, scope: ParentNode): boolean {
  if (selector.length > maxSelectorLength) return false;
  try {
    return scope.querySelector(selector) === element;
  } catch {
    return false;
  }
}

interface Chain {
  steps: Step[];
  /** Index in the ancestor list of the chain's first step's element; -1: the element itself. */
  top: number;
  cost: number;
}

const chainText = (steps: readonly Step[]) => steps.map((step) => step.text).join(" ");

/**
 * The cheapest chain of steps (descendant combinators, the picked element last) that the scope's querySelector
 * answers with this element first; then, if none, the element's path of positions from the scope.
 */
function deriveWith(element: Element, scope: ParentNode, volatile: readonly string[]): string | null {
  const top = scopeElement(scope);
  if (!top || element === top || !top.contains(element)) return null;
  if (element === element.ownerDocument.body && matchesFirst("body", element, scope)) return "body";
  const ancestors: Element[] = [];
  for (
    let parent = element.parentElement;
    parent && parent !== top && ancestors.length < maxAncestors;
    parent = parent.parentElement
  )
    ancestors.push(parent);
  const ancestorSteps = ancestors.map((ancestor) => stepsFor(ancestor, volatile).slice(0, stepsPerAncestor));
  let best: Chain | null = null;
  let round: Chain[] = stepsFor(element, volatile).map((step) => ({ steps: [step], top: -1, cost: step.cost }));
  for (let length = 1; length <= maxChain && round.length > 0; length++) {
    const seen = new Set<string>();
    const misses: Chain[] = [];
    for (const chain of round.sort((a, b) => a.cost - b.cost)) {
      if (best && chain.cost >= best.cost) break;
      const text = chainText(chain.steps);
      if (seen.has(text)) continue;
      seen.add(text);
      if (matchesFirst(text, element, scope)) best = chain;
      else misses.push(chain);
    }
    round = [];
    for (const chain of misses.slice(0, beamWidth))
      for (let index = chain.top + 1; index < ancestors.length; index++)
        for (const step of ancestorSteps[index] ?? [])
          round.push({ steps: [step, ...chain.steps], top: index, cost: chain.cost + step.cost });
  }
  return best ? chainText(best.steps) : positionalPath(element, scope, top, volatile);
}

/** `div:nth-of-type(2)`; the document's body and root by their tag alone. */
function positionStep(element: Element): string {
  const { localName } = element;
  return element === element.ownerDocument.body || element === element.ownerDocument.documentElement
    ? localName
    : `${localName}:nth-of-type(${positionOf(element)})`;
}

/**
 * The element's path of positions (child combinators) from the scope's child; when the scope or other elements of the
 * page match that path first, prefixed with the scope, then each ancestor above it up to the body, each by a stable
 * attribute or by its position.
 */
function positionalPath(element: Element, scope: ParentNode, top: Element, volatile: readonly string[]): string | null {
  if (!/^[a-z][a-z0-9-]*$/u.test(element.localName)) return null;
  const path: string[] = [];
  for (let node: Element | null = element; node && node !== top; node = node.parentElement) path.unshift(positionStep(node));
  const attempts = [path.join(" > ")];
  for (
    let anchor: Element | null = top;
    anchor && anchor !== element.ownerDocument.documentElement;
    anchor = anchor.parentElement
  ) {
    const stable = stepsFor(anchor, volatile, true).find((step) => step.cost <= cost.attribute);
    if (stable) attempts.push(`${stable.text} > ${path.join(" > ")}`);
    path.unshift(positionStep(anchor));
    attempts.push(path.join(" > "));
  }
  return attempts.find((text) => matchesFirst(text, element, scope)) ?? null;
}

/** A selector that `scope.querySelector` answers with `element` first, or null when none can be made. */
export function deriveSelector(element: Element, scope: ParentNode): string | null {
  return deriveWith(element, scope, [words(cleanText(element.textContent))]);
}

/** The lowest element holding these, strictly above each of them (readPage looks for them below it). */
function holder(elements: readonly Element[]): Element | null {
  const ancestor = commonAncestor(elements);
  return ancestor && elements.includes(ancestor) ? ancestor.parentElement : ancestor;
}

/** Selectors for each pick, or why none can be derived (picks not in one document, the same element twice). */
export function deriveOverride(picks: SetupPicks): DeriveResult {
  const values = [picks.firstName, picks.lastName, ...(picks.email ? [picks.email] : [])];
  const all = [picks.name, ...values, picks.interviewTitle, ...(picks.jobTitle ? [picks.jobTitle] : [])];
  if (new Set(all).size !== all.length) return { ok: false, problem: "same-element" };
  const document = picks.name.ownerDocument;
  if (!all.every((element) => element.ownerDocument === document && element.isConnected))
    return { ok: false, problem: "no-selector" };
  const volatile = all.map((element) => words(cleanText(element.textContent)));
  const card = holder([picks.name, ...values]);
  const room = card && holder([card, picks.interviewTitle, ...(picks.jobTitle ? [picks.jobTitle] : [])]);
  if (!card || !room) return { ok: false, problem: "no-selector" };
  const within = (element: Element | null, scope: Element | Document) =>
    element ? deriveWith(element, scope, volatile) : undefined;
  const selectors: [SelectorName, string | null | undefined][] = [
    ["room", room === document.documentElement ? "html" : within(room, document)],
    ["candidateCard", within(card, room)],
    ["candidateName", within(picks.name, card)],
    ["firstNameValue", within(picks.firstName, card)],
    ["lastNameValue", within(picks.lastName, card)],
    ["emailValue", within(picks.email, card)],
    ["interviewTitle", within(picks.interviewTitle, room)],
    ["jobTitle", within(picks.jobTitle, room)],
  ];
  const derived: Partial<Record<SelectorName, string>> = {};
  for (const [name, selector] of selectors) {
    if (selector === null) return { ok: false, problem: "no-selector" };
    if (selector !== undefined) derived[name] = selector;
  }
  if (derived.room) derived.oneOnOneRoom = derived.room;
  return { ok: true, override: { selectors: derived } };
}
