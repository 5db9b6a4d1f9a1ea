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

export interface SeedApplication {
  /** One of seedJobs' ids. */
  jobId: string;
  /** The candidate's status in that job. */
  status: string;
}

export interface SeedCandidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  tags: string[];
  /** Empty: talent-pool-only, which SmartRecruiters' search never returns. The first is the primary assignment. */
  applications: SeedApplication[];
}

export type SeedJobStatus = "CREATED" | "SOURCING" | "INTERVIEW" | "OFFER" | "FILLED" | "CANCELLED" | "ON_HOLD";

export interface SeedJob {
  id: string;
  title: string;
  refNumber: string;
  status: SeedJobStatus;
  createdOn: string;
}

/** The job the fixture's CSR interview is for. */
export const csrJobId = "job-csr-1";

/** SmartRecruiters' jobs at sandbox start (and after a reset). */
export const seedJobs: SeedJob[] = [
  {
    id: csrJobId,
    title: "Customer Service Representative",
    refNumber: "REF-CSR-1",
    status: "SOURCING",
    createdOn: "2024-01-02T09:00:00.000Z",
  },
  {
    // Same title, closed: an exact-title match must skip it.
    id: "job-csr-old",
    title: "Customer Service Representative",
    refNumber: "REF-CSR-0",
    status: "FILLED",
    createdOn: "2023-03-01T09:00:00.000Z",
  },
  {
    // Two open jobs with one title: ambiguous.
    id: "job-wh-1",
    title: "Warehouse Associate",
    refNumber: "REF-WH-1",
    status: "SOURCING",
    createdOn: "2024-01-03T09:00:00.000Z",
  },
  {
    id: "job-wh-2",
    title: "Warehouse Associate",
    refNumber: "REF-WH-2",
    status: "INTERVIEW",
    createdOn: "2024-01-04T09:00:00.000Z",
  },
  {
    id: "job-sdr-1",
    title: "Sales Development Representative",
    refNumber: "REF-SDR-1",
    status: "SOURCING",
    createdOn: "2024-01-05T09:00:00.000Z",
  },
  {
    // Where the control API puts a candidate inserted with hasApplication and no job.
    id: "job-general",
    title: "General Application",
    refNumber: "REF-GEN",
    status: "SOURCING",
    createdOn: "2024-01-01T09:00:00.000Z",
  },
];

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
    applications: [{ jobId: csrJobId, status: "IN_REVIEW" }],
  },
  {
    // Fuzzy-search decoy: same name, different email domain.
    id: "3f1c2b7e-0a1d-4c1e-9a51-000000000002",
    firstName: "Ann",
    lastName: "Oneil",
    email: "ann.oneil@example.org",
    tags: [],
    applications: [{ jobId: "job-sdr-1", status: "NEW" }],
  },
  {
    // Decoy: same email as Ann, different last name (a relative sharing an address).
    id: "3f1c2b7e-0a1d-4c1e-9a51-000000000003",
    firstName: "Annabel",
    lastName: "Smith",
    email: "ann.oneil@example.com",
    tags: [],
    applications: [{ jobId: "job-wh-1", status: "NEW" }],
  },
  {
    id: "3f1c2b7e-0a1d-4c1e-9a51-000000000004",
    firstName: "José",
    lastName: "Álvarez-Núñez",
    email: "Jose.Alvarez@Example.com",
    tags: ["bilingual", "hellohire - warehouse - maybe"],
    applications: [{ jobId: csrJobId, status: "NEW" }],
  },
  {
    // Hellohire says "Mary Jane": the first name differs.
    id: "3f1c2b7e-0a1d-4c1e-9a51-000000000005",
    firstName: "Mary",
    lastName: "van der Berg",
    email: "mj.vdberg@example.com",
    tags: [],
    // Talent pool only: search never finds her.
    applications: [],
  },
];
