/**
 * The expected reading of each layout page in this folder (key: file name), by the reader by meaning
 * (lib/hellohire/read-by-meaning.ts). Names are as the page shows them, whitespace collapsed; the
 * candidate's fields are the values of the page's label/value pairs. README.md says what each page is.
 * test/unit/layouts-files.test.ts checks that every page has an entry and every entry a page.
 */
export type LayoutExpectation =
  | {
      kind: "one-on-one";
      interviewName: string;
      jobTitle: string | null;
      candidate: { firstName: string; lastName: string; email: string | null };
      /** The name element's full text (the widget goes right after it). */
      nameText: string;
    }
  | { kind: "untouched" };

const ann = { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" };
const jose = { firstName: "José", lastName: "Álvarez-Núñez", email: "jose.alvarez@example.com" };
const csrJob = "Customer Service Representative";

export const layoutExpectations: Record<string, LayoutExpectation> = {
  "hashed-classes.html": { kind: "one-on-one", interviewName: "CSR", jobTitle: csrJob, candidate: ann, nameText: "Ann O'Neil" },
  "utility-classes.html": {
    kind: "one-on-one",
    interviewName: "Customer Support – Evening",
    jobTitle: null,
    candidate: jose,
    nameText: "José Álvarez-Núñez",
  },
  "table-rows.html": {
    kind: "one-on-one",
    interviewName: "CSR Phone Screen",
    jobTitle: null,
    candidate: ann,
    nameText: "Ann O'Neil",
  },
  "aria-labelled.html": {
    kind: "one-on-one",
    interviewName: "CSR",
    jobTitle: null,
    candidate: jose,
    nameText: "José Álvarez-Núñez",
  },
  "custom-elements.html": { kind: "one-on-one", interviewName: "CSR", jobTitle: csrJob, candidate: ann, nameText: "Ann O'Neil" },
  "dark-theme.html": {
    kind: "one-on-one",
    interviewName: "Night Shift – CSR",
    jobTitle: null,
    candidate: jose,
    nameText: "José Álvarez-Núñez",
  },
  "long-accented.html": {
    kind: "one-on-one",
    interviewName: "CSR – Montréal",
    jobTitle: null,
    candidate: { firstName: "Maria José", lastName: "Łukasiewicz-Ørsted", email: "mariajose.lukasiewicz@example.com" },
    nameText: "Maria José Łukasiewicz-Ørsted",
  },
  "job-elsewhere.html": { kind: "one-on-one", interviewName: "CSR", jobTitle: csrJob, candidate: ann, nameText: "Ann O'Neil" },
  "group-interview.html": { kind: "untouched" },
  "people-table.html": { kind: "untouched" },
  "waiting-room.html": { kind: "untouched" },
  "sign-in.html": { kind: "untouched" },
  "profile-settings.html": { kind: "untouched" },
};
