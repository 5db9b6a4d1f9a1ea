import { defaultMarkup, type MarkupTable } from "./markup";

export interface CandidateOnPage {
  firstName: string;
  lastName: string;
  /** null when the page shows no email. */
  email: string | null;
}

export interface OneOnOneInterview {
  kind: "one-on-one";
  interviewName: string;
  candidate: CandidateOnPage;
  /** The element our UI is placed after. */
  anchor: Element;
}

export type PageReading =
  | { kind: "not-interview" }
  | { kind: "other-format" }
  | { kind: "waiting" }
  | { kind: "unreadable"; missing: string[] }
  | OneOnOneInterview;

/** Collapses runs of whitespace (including non-breaking spaces) and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/gu, " ").trim();
}

function detailValues(card: Element, markup: MarkupTable): Map<string, string> {
  const values = new Map<string, string>();
  for (const row of card.querySelectorAll(markup.detailRow)) {
    const label = cleanText(row.querySelector(markup.detailLabel)?.textContent).toLowerCase();
    const value = cleanText(row.querySelector(markup.detailValue)?.textContent);
    if (label && !values.has(label)) values.set(label, value);
  }
  return values;
}

function firstLabelled(values: Map<string, string>, labels: string[]): string {
  for (const label of labels) {
    const value = values.get(label);
    if (value) return value;
  }
  return "";
}

/** Reads what the page shows: whether it is a one-on-one interview, and if so who and which interview. */
export function readPage(root: ParentNode, markup: MarkupTable = defaultMarkup): PageReading {
  const room = root.querySelector(markup.room);
  if (!room) return { kind: "not-interview" };
  if (room.getAttribute(markup.formatAttribute) !== markup.oneOnOneFormat) return { kind: "other-format" };
  const card = room.querySelector(markup.candidateCard);
  if (!card) {
    return room.querySelector(markup.waiting) ? { kind: "waiting" } : { kind: "unreadable", missing: ["candidateCard"] };
  }
  const anchor = card.querySelector(markup.candidateName);
  const values = detailValues(card, markup);
  const firstName = firstLabelled(values, markup.labels.firstName);
  const lastName = firstLabelled(values, markup.labels.lastName);
  const email = firstLabelled(values, markup.labels.email);
  const interviewName = cleanText(room.querySelector(markup.interviewTitle)?.textContent);
  const missing = [
    ...(anchor ? [] : ["candidateName"]),
    ...(firstName ? [] : ["labels.firstName"]),
    ...(lastName ? [] : ["labels.lastName"]),
    ...(interviewName ? [] : ["interviewTitle"]),
  ];
  if (!anchor || missing.length > 0) return { kind: "unreadable", missing };
  return {
    kind: "one-on-one",
    interviewName,
    candidate: { firstName, lastName, email: email || null },
    anchor,
  };
}

/** Identifies a candidate within an interview: a change of key means a different person is on screen. */
export function candidateKey(reading: OneOnOneInterview): string {
  const { firstName, lastName, email } = reading.candidate;
  return JSON.stringify([reading.interviewName, firstName, lastName, email ?? ""]);
}
