import { describe, expect, it } from "vitest";
import type { OutboxEntry } from "../sync/outbox";
import {
  afterLookup,
  afterOutboxChange,
  afterRating,
  awaitsProfile,
  initialCandidateState,
  savingRating,
} from "./candidate-state";

const found = { status: "found", candidateId: "c1", profileUrl: "https://sr.example/c1", rating: null } as const;
const queuedEntry: OutboxEntry = {
  id: "w1",
  candidateId: "c1",
  interviewName: "CSR",
  rating: "yes",
  createdAt: 0,
  attempts: 1,
  nextAttemptAt: 1000,
  state: "pending",
};

describe("candidate state", () => {
  it("becomes ready with the profile link and this browser's rating", () => {
    const state = afterLookup(initialCandidateState, { ...found, rating: "maybe" });
    expect(state).toMatchObject({
      link: { kind: "ready", profileUrl: "https://sr.example/c1" },
      candidateId: "c1",
      rating: "maybe",
    });
  });

  it("explains why the link is unavailable", () => {
    expect(afterLookup(initialCandidateState, { status: "not-found", createAndUpdate: false }).link).toMatchObject({
      kind: "unavailable",
      reason: expect.stringContaining("Create and update candidate profile"),
    });
    expect(
      afterLookup(initialCandidateState, {
        status: "hidden",
        cause: "talent-pool",
        job: { kind: "none", why: "no-title", title: null },
      }).link,
    ).toMatchObject({
      reason: expect.stringContaining("talent pool"),
    });
    expect(afterLookup(initialCandidateState, { status: "no-email" }).link).toMatchObject({
      reason: expect.stringContaining("no email"),
    });
  });

  it("shows a rating still in the outbox after a reload", () => {
    const state = afterLookup(initialCandidateState, { ...found, outbox: { state: "queued", rating: "no", reason: "Offline." } });
    expect(state.save).toEqual({ kind: "queued", rating: "no", reason: "Offline." });
    const failed = afterLookup(initialCandidateState, { ...found, outbox: { state: "failed", rating: "no", reason: "Denied." } });
    expect(failed.save).toEqual({ kind: "failed", reason: "Denied.", retry: "no" });
  });

  it("goes saving → queued → saved when the outbox entry lands", () => {
    const ready = afterLookup(initialCandidateState, found);
    const saving = savingRating(ready, "yes");
    const queued = afterRating(saving, "yes", {
      status: "queued",
      rating: "yes",
      reason: "SmartRecruiters had a server error (503).",
    });
    expect(queued.save).toMatchObject({ kind: "queued", rating: "yes" });
    expect(afterOutboxChange(queued, queuedEntry)).toBe(queued);
    expect(afterOutboxChange(queued, undefined)).toMatchObject({ rating: "yes", save: { kind: "saved" } });
  });

  it("turns a queued write that failed for good into a failure with a retry", () => {
    const queued = afterRating(afterLookup(initialCandidateState, found), "yes", {
      status: "queued",
      rating: "yes",
      reason: "busy",
    });
    const failed = afterOutboxChange(queued, {
      ...queuedEntry,
      state: "failed",
      lastError: { kind: "access-denied", message: "Denied." },
    });
    expect(failed.save).toEqual({ kind: "failed", reason: "Denied.", retry: "yes", inOutbox: true });
  });

  it("follows a failed write the side panel retries: queued again, then saved when it leaves the outbox", () => {
    const queued = afterRating(afterLookup(initialCandidateState, found), "yes", {
      status: "queued",
      rating: "yes",
      reason: "busy",
    });
    const failed = afterOutboxChange(queued, {
      ...queuedEntry,
      state: "failed",
      lastError: { kind: "access-denied", message: "Denied." },
    });
    const retried = afterOutboxChange(failed, { ...queuedEntry, state: "pending" });
    expect(retried.save).toMatchObject({ kind: "queued", rating: "yes" });
    const landed = afterOutboxChange(retried, undefined);
    expect(landed.save).toEqual({ kind: "saved" });
    expect(landed.rating).toBe("yes");
  });

  it("leaves a rating SmartRecruiters refused outright (never in the outbox) as it is when the outbox changes", () => {
    const refused = afterRating(afterLookup(initialCandidateState, found), "yes", {
      status: "error",
      kind: "forbidden",
      message: "Refused.",
    });
    expect(afterOutboxChange(refused, undefined)).toBe(refused);
  });
});

describe("a rating that followed its candidate to another ID", () => {
  it("moves the link and the candidate ID along with the saved rating", () => {
    const ready = afterLookup(initialCandidateState, {
      status: "found",
      candidateId: "merged-away",
      profileUrl: "https://sr.example/app/people/candidates/merged-away",
      rating: null,
    });
    const saved = afterRating(savingRating(ready, "yes"), "yes", {
      status: "saved",
      rating: "yes",
      moved: { candidateId: "survivor", profileUrl: "https://sr.example/app/people/candidates/survivor" },
    });
    expect(saved).toMatchObject({
      candidateId: "survivor",
      link: { kind: "ready", profileUrl: "https://sr.example/app/people/candidates/survivor" },
      rating: "yes",
      save: { kind: "saved" },
    });
  });

  it("a candidate not in SmartRecruiters can be rated only when that rating may create them; the placeholder is tracked until then", () => {
    const off = afterLookup(initialCandidateState, { status: "not-found", createAndUpdate: false });
    expect(off.rateable).toBe(false);
    const on = afterLookup(initialCandidateState, { status: "not-found", createAndUpdate: true });
    expect(on).toMatchObject({
      rateable: true,
      link: { kind: "unavailable", reason: expect.stringContaining("your rating adds them") },
    });
    const queued = afterRating(savingRating(on, "yes"), "yes", {
      status: "queued",
      rating: "yes",
      reason: "offline",
      moved: { candidateId: "new:1", profileUrl: null },
    });
    expect(queued).toMatchObject({ candidateId: "new:1", link: { kind: "unavailable" }, save: { kind: "queued" } });
    expect(awaitsProfile(queued)).toBe(false);
    const landed = afterOutboxChange(queued, undefined);
    expect(landed).toMatchObject({ rating: "yes", save: { kind: "saved" } });
    expect(awaitsProfile(landed)).toBe(true);
    const created = afterRating(savingRating(on, "no"), "no", {
      status: "saved",
      rating: "no",
      moved: { candidateId: "c9", profileUrl: "https://sr.example/c9" },
    });
    expect(created).toMatchObject({ candidateId: "c9", link: { kind: "ready", profileUrl: "https://sr.example/c9" } });
    expect(awaitsProfile(created)).toBe(false);
  });

  it("says when a talent-pool create was not confirmed, differently from a candidate search cannot see", () => {
    const job = { kind: "none" as const, why: "no-title" as const, title: null };
    const unconfirmed = afterLookup(initialCandidateState, { status: "hidden", cause: "unconfirmed", job });
    const pool = afterLookup(initialCandidateState, { status: "hidden", cause: "talent-pool", job });
    expect(unconfirmed.link).toMatchObject({ kind: "unavailable", reason: expect.stringContaining("did not confirm") });
    expect(pool.link).toMatchObject({ kind: "unavailable", reason: expect.stringContaining("talent pool only") });
  });
});
