/**
 * The people that the SmartRecruiters sandbox and the Hellohire fixture pages share, so that
 * tests and the demo can say "this Hellohire candidate is (or is not) in SmartRecruiters".
 * Fictional names and example.com addresses only.
 */

export interface HellohirePerson {
  /** Stable key used by fixture scenarios and tests. */
  key: string;
  firstName: string;
  lastName: string;
  /** As Hellohire shows it; null when the page shows no email. */
  email: string | null;
}

export interface SeedCandidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  tags: string[];
  /** false: talent-pool-only (no job application); search may hide it depending on the sandbox's mode. */
  hasApplication: boolean;
  primaryJob?: { id: string; title: string; status: string };
}

/** Candidates as Hellohire lists them in the CSR interview queue, in queue order. */
export const hellohireQueue: HellohirePerson[] = [
  { key: "ann", firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
  { key: "jose", firstName: "José", lastName: "Álvarez-Núñez", email: "jose.alvarez@example.com" },
  { key: "maryjane", firstName: "Mary Jane", lastName: "van der Berg", email: "mj.vdberg@example.com" },
  { key: "li", firstName: "Li", lastName: "Wei", email: "li.wei@example.com" },
  { key: "sam", firstName: "Sam", lastName: "Taylor", email: null },
];

/** The interview the fixture's one-on-one room belongs to. */
export const fixtureInterviewName = "CSR";

/** SmartRecruiters' candidates at sandbox start (and after a reset). */
export const seedCandidates: SeedCandidate[] = [
  {
    id: "3f1c2b7e-0a1d-4c1e-9a51-000000000001",
    firstName: "Ann",
    lastName: "O'Neil",
    email: "ann.oneil@example.com",
    tags: [],
    hasApplication: true,
    primaryJob: { id: "job-csr-1", title: "Customer Service Representative", status: "IN_REVIEW" },
  },
  {
    // Fuzzy-search decoy: same name, different email domain.
    id: "3f1c2b7e-0a1d-4c1e-9a51-000000000002",
    firstName: "Ann",
    lastName: "Oneil",
    email: "ann.oneil@example.org",
    tags: [],
    hasApplication: true,
  },
  {
    // Decoy: same email as Ann, different last name (a relative sharing an address).
    id: "3f1c2b7e-0a1d-4c1e-9a51-000000000003",
    firstName: "Annabel",
    lastName: "Smith",
    email: "ann.oneil@example.com",
    tags: [],
    hasApplication: true,
  },
  {
    id: "3f1c2b7e-0a1d-4c1e-9a51-000000000004",
    firstName: "José",
    lastName: "Álvarez-Núñez",
    email: "Jose.Alvarez@Example.com",
    tags: ["bilingual", "hellohire - warehouse - maybe"],
    hasApplication: true,
    primaryJob: { id: "job-csr-1", title: "Customer Service Representative", status: "NEW" },
  },
  {
    // Hellohire says "Mary Jane": the first name differs.
    id: "3f1c2b7e-0a1d-4c1e-9a51-000000000005",
    firstName: "Mary",
    lastName: "van der Berg",
    email: "mj.vdberg@example.com",
    tags: [],
    hasApplication: false,
  },
];
