import { defaultMarkup, type EntryName, type MarkupTable, type PatternName } from "./markup";

export interface CandidateOnPage {
  firstName: string;
  lastName: string;
  /** null when the page shows no email. */
  email: string | null;
}

export interface OneOnOneInterview {
  kind: "one-on-one";
  interviewName: string;
  /** The job the interview is for, as the page shows it (cleaned, at most jobTitleMaxLength); null when it shows none. */
  jobTitle: string | null;
  candidate: CandidateOnPage;
  /** The element our UI is placed after. */
  anchor: Element;
  /** Which reader read it: the markup table (defaults or an override), or the reader by meaning (read-by-meaning.ts). */
  reader: "table" | "meaning";
  /** The smallest part of the page holding the candidate's name and fields: a change inside it can change the reading. */
  region: Element;
  /** The element the interview name was read from; null when it came from document.title. */
  title: Element | null;
  /** The part of the page holding the region and the title (the room; the main content for the reader by meaning). */
  room: Element;
}

export type PageReading =
  | { kind: "not-interview" }
  | { kind: "other-format" }
  | { kind: "waiting" }
  /** Looks like a one-on-one interview, but these table entries matched nothing. */
  | { kind: "unreadable"; missing: EntryName[] }
  | OneOnOneInterview;

/** Collapses runs of whitespace (including non-breaking spaces) and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/gu, " ").trim();
}

/** Longer job titles are cut: no real job title is this long, and the background caps what it accepts. */
export const jobTitleMaxLength = 200;

/** The room's job title (optional entry): cleaned, cut to jobTitleMaxLength, null when absent or empty. */
function readJobTitle(room: Element, markup: MarkupTable): string | null {
  const text = cleanText(room.querySelector(markup.selectors.jobTitle)?.textContent);
  return text ? cutJobTitle(text) : null;
}

/** A job title cut to jobTitleMaxLength in UTF-16 units (what the protocol counts), never inside a surrogate pair. */
export function cutJobTitle(text: string): string {
  return text
    .slice(0, jobTitleMaxLength)
    .replace(/[\uD800-\uDBFF]$/u, "")
    .trimEnd();
}

type LabelPatterns = Record<PatternName, RegExp>;

const compiled = new WeakMap<MarkupTable, LabelPatterns>();

function labelPatterns(markup: MarkupTable): LabelPatterns {
  let patterns = compiled.get(markup);
  if (!patterns) {
    const { firstNameLabel, lastNameLabel, emailLabel } = markup.patterns;
    patterns = {
      firstNameLabel: new RegExp(firstNameLabel, "iu"),
      lastNameLabel: new RegExp(lastNameLabel, "iu"),
      emailLabel: new RegExp(emailLabel, "iu"),
    };
    compiled.set(markup, patterns);
  }
  return patterns;
}

/**
 * Label patterns run on at most this many characters of a label: real labels ("First name") are
 * short, and a bound on the text, with the bound on an admin's pattern (markup-override.ts,
 * maxPatternLength), keeps a pathological pattern on a huge label from hanging the page.
 */
export const maxLabelLength = 200;

/** A row's label, cleaned and cut to maxLabelLength. */
export function labelText(text: string | null | undefined): string {
  return cleanText(text).slice(0, maxLabelLength);
}

/** Fields an override names by their value's selector (Set up this page), read directly in the card. */
const valueSelectors = [
  ["firstNameLabel", "firstNameValue"],
  ["lastNameLabel", "lastNameValue"],
  ["emailLabel", "emailValue"],
] as const;

function readDetails(card: Element, markup: MarkupTable) {
  const patterns = labelPatterns(markup);
  const found: Partial<Record<PatternName, string>> = {};
  for (const [name, selector] of valueSelectors) {
    const value = markup.selectors[selector] ? card.querySelector(markup.selectors[selector]) : null;
    if (value) found[name] = cleanText(value.textContent);
  }
  for (const row of card.querySelectorAll(markup.selectors.detailRow)) {
    const label = labelText(row.querySelector(markup.selectors.detailLabel)?.textContent);
    if (!label) continue;
    for (const name of ["firstNameLabel", "lastNameLabel", "emailLabel"] as const) {
      if (found[name] === undefined && patterns[name].test(label)) {
        found[name] = cleanText(row.querySelector(markup.selectors.detailValue)?.textContent);
      }
    }
  }
  return found;
}

/** Reads what the page shows: whether it is a one-on-one interview, and if so who and which interview. */
export function readPage(root: ParentNode, markup: MarkupTable = defaultMarkup): PageReading {
  const { selectors } = markup;
  const room = root.querySelector(selectors.room);
  if (!room) return { kind: "not-interview" };
  if (!room.matches(selectors.oneOnOneRoom)) return { kind: "other-format" };
  const card = room.querySelector(selectors.candidateCard);
  if (!card)
    return room.querySelector(selectors.waiting)
      ? { kind: "waiting" }
      : { kind: "unreadable", missing: ["candidateCard", "waiting"] };
  const anchor = card.querySelector(selectors.candidateName);
  const details = readDetails(card, markup);
  const title = room.querySelector(selectors.interviewTitle);
  const interviewName = cleanText(title?.textContent);
  const missing: EntryName[] = [];
  if (!anchor) missing.push("candidateName");
  if (!details.firstNameLabel) missing.push("firstNameLabel");
  if (!details.lastNameLabel) missing.push("lastNameLabel");
  if (!interviewName) missing.push("interviewTitle");
  if (!anchor || !details.firstNameLabel || !details.lastNameLabel || !interviewName) {
    if (missing.includes("firstNameLabel") && missing.includes("lastNameLabel") && !card.querySelector(selectors.detailRow))
      missing.push("detailRow");
    return { kind: "unreadable", missing };
  }
  return {
    kind: "one-on-one",
    interviewName,
    jobTitle: readJobTitle(room, markup),
    candidate: { firstName: details.firstNameLabel, lastName: details.lastNameLabel, email: details.emailLabel || null },
    anchor,
    reader: "table",
    region: card,
    title,
    room,
  };
}

/** Emails of the candidates the page lists as coming next, so their lookups can be prepared ahead. */
export function readUpcomingEmails(root: ParentNode, markup: MarkupTable = defaultMarkup): string[] {
  const room = root.querySelector(markup.selectors.oneOnOneRoom);
  if (!room) return [];
  const emails: string[] = [];
  for (const item of room.querySelectorAll(markup.selectors.queueItem)) {
    const email = cleanText(item.querySelector(markup.selectors.queueItemEmail)?.textContent);
    if (email.includes("@") && !emails.includes(email)) emails.push(email);
  }
  return emails;
}

/** Identifies a candidate within an interview: a change of key means a different person is on screen. */
export function candidateKey(reading: OneOnOneInterview): string {
  const { firstName, lastName, email } = reading.candidate;
  return JSON.stringify([reading.interviewName, firstName, lastName, email ?? ""]);
}
