/**
 * Everything the extension knows about Hellohire's markup, in one table. Hellohire's real
 * interviewer page is not public and changes without notice: when it does, this table is the
 * only thing to change (issue 3 makes it overridable by managed policy).
 */
export interface MarkupTable {
  /** The interview room; its presence makes a page an interview page. */
  room: string;
  /** Attribute of the room that names the interview format, and its one-on-one value. */
  formatAttribute: string;
  oneOnOneFormat: string;
  /** The room shows this while no candidate has joined. */
  waiting: string;
  /** The candidate card of a one-on-one room. */
  candidateCard: string;
  /** The candidate's displayed name; our UI goes right under it. */
  candidateName: string;
  /** Label/value rows of the candidate card. */
  detailRow: string;
  detailLabel: string;
  detailValue: string;
  /** Row labels, matched case-insensitively on the label's trimmed text. */
  labels: { firstName: string[]; lastName: string[]; email: string[] };
  /** The interview's name, e.g. "CSR". */
  interviewTitle: string;
}

export const defaultMarkup: MarkupTable = {
  room: '[data-testid="interview-room"]',
  formatAttribute: "data-format",
  oneOnOneFormat: "one-on-one",
  waiting: '[data-testid="waiting-for-candidate"]',
  candidateCard: '[data-testid="candidate-card"]',
  candidateName: '[data-testid="candidate-name"]',
  detailRow: '[data-testid="candidate-details"] > div',
  detailLabel: "dt",
  detailValue: "dd",
  labels: {
    firstName: ["first name"],
    lastName: ["last name"],
    email: ["email", "e-mail"],
  },
  interviewTitle: '[data-testid="interview-title"]',
};
