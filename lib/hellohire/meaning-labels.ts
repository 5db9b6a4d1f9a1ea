import { cleanText, labelText, maxLabelLength } from "./read-page";

/** What a label names, for the reader by meaning (read-by-meaning.ts). */
export type FieldKind = "firstName" | "lastName" | "email" | "job";

const kinds: readonly FieldKind[] = ["firstName", "lastName", "email", "job"];

/**
 * One pattern for every label wording, tested on a bounded text (a label is short): an optional
 * "Candidate"/"Candidate's" prefix, the wording (one group per kind), trailing punctuation such as ":" or "*".
 * Case and surrounding whitespace are ignored.
 */
const labelPattern = new RegExp(
  // (?=(\s*))\1: leading whitespace taken once, never backtracked into (indented markup's text nodes).
  String.raw`^(?=(\s*))\1(?:candidate(?:['’]s)?\s*:?\s+)?(?:` +
    String.raw`((?:first|given)\s*-?\s*names?|forenames?)|` +
    String.raw`((?:last|family)\s*-?\s*names?|surname)|` +
    String.raw`(e\s*-?\s*mail(?:\s+address)?)|` +
    String.raw`(job(?:\s+title)?|position|role|applying\s+for)` +
    String.raw`)\s*[:：*.]?\s*$`,
  "iu",
);

/**
 * The kind of field a label names, or null when the text is no label we know. Never runs the pattern on long text:
 * a short text is tested as it is (the pattern allows any whitespace, nothing is allocated), a longer one (indented
 * markup) cleaned and cut first.
 */
export function labelKind(text: string | null | undefined): FieldKind | null {
  if (!text || text.length > maxLabelLength * 4) return null;
  const match = labelPattern.exec(text.length <= maxLabelLength ? text : labelText(text));
  if (!match) return null;
  for (let group = 2; group <= kinds.length + 1; group++) if (match[group] !== undefined) return kinds[group - 2] ?? null;
  return null;
}

/** Cleaned, lower-cased text, for comparing values shown in several places. */
export function comparable(text: string | null | undefined): string {
  return cleanText(text).toLowerCase();
}

/** A name as a pattern part: special characters escaped, any whitespace between its words. */
function namePart(name: string): string {
  return cleanText(name)
    .replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&")
    .replace(/ /gu, String.raw`\s+`);
}

/**
 * Matches a text showing the candidate's whole name ("First Last" or "Last, First": group 2) or only the first name
 * (group 3, a part of a name shown in pieces); case and whitespace ignored. Built once per reading.
 */
export function namePattern(firstName: string, lastName: string): RegExp {
  const first = namePart(firstName);
  const last = namePart(lastName);
  return new RegExp(String.raw`^(?=(\s*))\1(?:(${first}\s+${last}|${last}\s*,\s*${first})|(${first}))\s*$`, "iu");
}
