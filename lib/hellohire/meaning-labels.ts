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
  String.raw`^\s*(?:candidate(?:['’]s)?\s*:?\s+)?(?:` +
    String.raw`((?:first|given)\s*-?\s*names?|forenames?)|` +
    String.raw`((?:last|family)\s*-?\s*names?|surname)|` +
    String.raw`(e\s*-?\s*mail(?:\s+address)?)|` +
    String.raw`(job(?:\s+title)?|position|role|applying\s+for)` +
    String.raw`)\s*[:：*.]?\s*$`,
  "iu",
);

/** The kind of field a label names, or null when the text is no label we know. Never runs the pattern on long text. */
export function labelKind(text: string | null | undefined): FieldKind | null {
  if (!text || text.length > maxLabelLength * 4) return null;
  const match = labelPattern.exec(labelText(text));
  if (!match) return null;
  for (let group = 1; group <= kinds.length; group++) if (match[group] !== undefined) return kinds[group - 1] ?? null;
  return null;
}

/** Cleaned, lower-cased, NFC text, for comparing a name as shown with the fields read. */
export function comparable(text: string | null | undefined): string {
  return cleanText(text).normalize("NFC").toLowerCase();
}
