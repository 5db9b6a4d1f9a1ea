import { describe, expect, it, vi } from "vitest";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import type { JobSummary } from "../smartrecruiters/types";
import { createJobFinder, pickJob } from "./job-for-interview";

const csr: JobSummary = { id: "job-csr-1", title: "Customer Service Representative", status: "SOURCING" };
const filled: JobSummary = { id: "job-csr-old", title: "Customer Service Representative", status: "FILLED" };
const senior: JobSummary = { id: "job-senior", title: "Senior Customer Service Representative", status: "SOURCING" };

function finder(jobs: JobSummary[] | Error, options: { mapped?: string | null; canRead?: boolean } = {}) {
  const searchJobs = vi.fn(async () => {
    if (jobs instanceof Error) throw jobs;
    return jobs;
  });
  const find = createJobFinder({
    mappedJob: async () => options.mapped ?? null,
    canReadJobs: async () => options.canRead ?? true,
    searchJobs,
  });
  return { find, searchJobs };
}

describe("pickJob", () => {
  it("picks the one open job with exactly that title, case and spacing ignored", () => {
    expect(pickJob([senior, filled, csr], "  customer service   REPRESENTATIVE ")).toEqual({
      kind: "job",
      jobId: "job-csr-1",
      title: "Customer Service Representative",
      source: "title",
    });
  });

  it("two open jobs with that title: no job, said as ambiguous", () => {
    expect(pickJob([csr, { ...csr, id: "job-csr-2", status: "INTERVIEW" }], csr.title)).toEqual({
      kind: "none",
      why: "ambiguous",
      title: csr.title,
    });
  });

  it("only closed jobs or other titles: no match", () => {
    expect(pickJob([filled, senior], csr.title)).toMatchObject({ kind: "none", why: "no-match" });
  });
});

describe("createJobFinder", () => {
  it("the policy's mapping wins, with no API call", async () => {
    const { find, searchJobs } = finder([csr], { mapped: "job-from-policy" });
    expect(await find.find("CSR", csr.title)).toEqual({ kind: "job", jobId: "job-from-policy", title: null, source: "policy" });
    expect(searchJobs).not.toHaveBeenCalled();
  });

  it("searches once per title and caches the answer", async () => {
    const { find, searchJobs } = finder([csr]);
    await find.find("CSR", csr.title);
    await find.find("CSR", csr.title.toUpperCase());
    expect(searchJobs).toHaveBeenCalledTimes(1);
    expect(searchJobs).toHaveBeenCalledWith(csr.title);
  });

  it("no title on the page, or no jobs_read: no job and no call", async () => {
    const { find, searchJobs } = finder([csr], { canRead: false });
    expect(await find.find("CSR", null)).toMatchObject({ kind: "none", why: "no-title" });
    expect(await find.find("CSR", csr.title)).toMatchObject({ kind: "none", why: "no-access" });
    expect(searchJobs).not.toHaveBeenCalled();
  });

  it("a refusal is a reason (no-access for 403); a passing failure is thrown and not cached", async () => {
    const refused = finder(new SmartRecruitersError("access-denied", "no", 403));
    expect(await refused.find.find("CSR", csr.title)).toMatchObject({ kind: "none", why: "no-access" });
    const { find, searchJobs } = finder(new SmartRecruitersError("server-error", "500", 500));
    await expect(find.find("CSR", csr.title)).rejects.toThrow("500");
    await expect(find.find("CSR", csr.title)).rejects.toThrow("500");
    expect(searchJobs).toHaveBeenCalledTimes(2);
  });
});
