import { describe, expect, it } from "vitest";
import { jobTitleMaxLength } from "../hellohire/read-page";
import { isContentRequest, parseRequest, parseTabCommand } from "./protocol";

describe("parseRequest", () => {
  it("accepts well-formed requests", () => {
    const lookup = {
      type: "lookup",
      interviewName: "CSR",
      jobTitle: "Customer Service Representative",
      candidate: { firstName: "A", lastName: "B", email: null },
    };
    expect(parseRequest(lookup)).toEqual(lookup);
    expect(parseRequest({ ...lookup, jobTitle: null })).toEqual({ ...lookup, jobTitle: null });
    expect(
      parseRequest({
        type: "rate",
        interviewName: "CSR",
        candidate: { firstName: "A", lastName: "B", email: "a@b.io" },
        rating: "no",
      }),
    ).toMatchObject({ rating: "no" });
  });

  it("refuses unknown types, wrong ratings and oversized fields", () => {
    expect(parseRequest({ type: "getToken" })).toBeNull();
    expect(
      parseRequest({
        type: "rate",
        interviewName: "CSR",
        candidate: { firstName: "A", lastName: "B", email: "a@b.io" },
        rating: "definitely",
      }),
    ).toBeNull();
    expect(
      parseRequest({ type: "lookup", interviewName: "x".repeat(501), candidate: { firstName: "", lastName: "", email: null } }),
    ).toBeNull();
    expect(parseRequest("lookup")).toBeNull();
    expect(parseRequest({ type: "connectOAuth", endpoints: { clientSecret: "s" } })).toBeNull();
  });

  describe("a lookup's job title", () => {
    const candidate = { firstName: "A", lastName: "B", email: null };

    it("is null when an older content script sends none", () => {
      expect(parseRequest({ type: "lookup", interviewName: "CSR", candidate })).toEqual({
        type: "lookup",
        interviewName: "CSR",
        jobTitle: null,
        candidate,
      });
    });

    it("refuses a lookup whose job title is not text, or longer than the page reader ever sends", () => {
      for (const jobTitle of [42, true, {}, ["CSR"], "J".repeat(jobTitleMaxLength + 1)])
        expect(parseRequest({ type: "lookup", interviewName: "CSR", jobTitle, candidate }), String(jobTitle)).toBeNull();
      expect(
        parseRequest({ type: "lookup", interviewName: "CSR", jobTitle: "J".repeat(jobTitleMaxLength), candidate }),
      ).not.toBeNull();
    });

    it("travels in the page status too, and a bad one is refused there", () => {
      const status = { kind: "one-on-one", interviewName: "CSR", jobTitle: "Customer Service Representative", candidate };
      expect(parseRequest({ type: "pageStatus", status })).toEqual({ type: "pageStatus", status });
      expect(parseRequest({ type: "pageStatus", status: { ...status, jobTitle: null } })).not.toBeNull();
      expect(parseRequest({ type: "pageStatus", status: { kind: "waiting" } })).toEqual({
        type: "pageStatus",
        status: { kind: "waiting" },
      });
      expect(parseRequest({ type: "pageStatus", status: { ...status, jobTitle: 7 } })).toBeNull();
      expect(parseRequest({ type: "pageStatus", status: { ...status, jobTitle: "J".repeat(jobTitleMaxLength + 1) } })).toBeNull();
    });
  });

  it("lets content scripts send only lookups and ratings", () => {
    const connect = parseRequest({ type: "connectApiKey", apiKey: "k", endpoints: { apiBaseUrl: "u" } });
    expect(connect && isContentRequest(connect)).toBe(false);
    const signIn = parseRequest({ type: "connectOAuth", endpoints: {} });
    expect(signIn && isContentRequest(signIn)).toBe(false);
    const disconnect = parseRequest({ type: "disconnect" });
    expect(disconnect && isContentRequest(disconnect)).toBe(false);
  });
});

describe("parseTabCommand", () => {
  it("accepts the background's commands and nothing else", () => {
    expect(parseTabCommand({ type: "rateShortcut", rating: "maybe" })).toEqual({ type: "rateShortcut", rating: "maybe" });
    expect(parseTabCommand({ type: "configChanged", extra: 1 })).toEqual({ type: "configChanged" });
    expect(parseTabCommand({ type: "pageStructure" })).toBeNull();
    expect(parseTabCommand({ type: "rateShortcut", rating: "definitely" })).toBeNull();
    expect(parseTabCommand({ type: "lookup" })).toBeNull();
    expect(parseTabCommand("pageStructure")).toBeNull();
  });
});
