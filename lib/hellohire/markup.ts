/**
 * Everything the extension knows about Hellohire's markup, as data. Hellohire's real interviewer
 * page is not public and changes without notice: when it does, this table is the one thing to
 * change, and an admin can override any entry through managed policy (see markup-override.ts).
 * Each entry's expected matches on the committed fixture pages are in markup.expectations.ts.
 */
/**
 * Where Hellohire's interviewer pages are served (see ../shared/reference/hellohire.md): the
 * content script's match patterns and host permissions. Dev/test builds add loopback pages.
 */
export const hellohireHostPatterns = [
  "https://www.tryhellohire.com/*",
  "https://app.tryhellohire.com/*",
  "https://www.hellohireapp.com/*",
  "https://app.hellohireapp.com/*",
] as const;

export const selectorNames = [
  "room",
  "oneOnOneRoom",
  "waiting",
  "candidateCard",
  "candidateName",
  "detailRow",
  "detailLabel",
  "detailValue",
  "interviewTitle",
  "jobTitle",
  "queueItem",
  "queueItemEmail",
  "firstNameValue",
  "lastNameValue",
  "emailValue",
] as const;
export type SelectorName = (typeof selectorNames)[number];

export const patternNames = ["firstNameLabel", "lastNameLabel", "emailLabel"] as const;
export type PatternName = (typeof patternNames)[number];

export type EntryName = SelectorName | PatternName;

export interface MarkupTable {
  /**
   * CSS selectors. Scopes: room in the document; waiting, card, title, job title, queue in the room; name and rows in
   * the card; label/value in a row. `jobTitle` is optional: a page without it is still readable (no job known).
   * `firstNameValue`, `lastNameValue`, `emailValue` (in the card) name a field's value directly, for pages whose
   * fields have no label rows (what "Set up this page" derives); empty in the defaults: the rows are read.
   */
  selectors: Record<SelectorName, string>;
  /** Regular expressions (case-insensitive) matched on a detail row's trimmed label text. */
  patterns: Record<PatternName, string>;
}

export const defaultMarkup: MarkupTable = {
  selectors: {
    room: '[data-testid="interview-room"]',
    oneOnOneRoom: '[data-testid="interview-room"][data-format="one-on-one"]',
    waiting: '[data-testid="waiting-for-candidate"]',
    candidateCard: '[data-testid="candidate-card"]',
    candidateName: '[data-testid="candidate-name"]',
    detailRow: '[data-testid="candidate-details"] > div',
    detailLabel: "dt",
    detailValue: "dd",
    interviewTitle: '[data-testid="interview-title"]',
    jobTitle: '[data-testid="interview-job"]',
    queueItem: '[data-testid="up-next"] [data-testid="queue-item"]',
    queueItemEmail: '[data-testid="queue-item-email"]',
    firstNameValue: "",
    lastNameValue: "",
    emailValue: "",
  },
  patterns: {
    firstNameLabel: "^(first|given) name$",
    lastNameLabel: "^(last|family) name$|^surname$",
    emailLabel: "^e-?mail( address)?$",
  },
};
