import { describe, expect, it } from "vitest";
import { labelKind, namePattern } from "./meaning-labels";
import { maxLabelLength } from "./read-page";

describe("labelKind", () => {
  it("knows each wording, with case, punctuation, whitespace and a Candidate prefix ignored", () => {
    const cases: [string, string | null][] = [
      ["First name", "firstName"],
      ["  given NAME: ", "firstName"],
      ["Candidate's first name", "firstName"],
      ["Last name *", "lastName"],
      ["Family name", "lastName"],
      ["\n    Surname\n  ", "lastName"],
      ["E-mail", "email"],
      ["Candidate email address:", "email"],
      ["Job title", "job"],
      ["Position", "job"],
      ["Applying for", "job"],
      ["Phone", null],
      ["First name of your manager", null],
      ["Email candidate", null],
      ["Ann", null],
    ];
    for (const [text, kind] of cases) expect(labelKind(text), text).toBe(kind);
  });

  it("does not run on long texts", () => {
    expect(labelKind(`First name${" ".repeat(maxLabelLength * 4)}`)).toBeNull();
    expect(labelKind(`${"x".repeat(maxLabelLength * 3)}`)).toBeNull();
  });
});

describe("namePattern", () => {
  it("matches the whole name (group 2) in any case and spacing, as Last, First too, and the first name alone (group 3)", () => {
    const pattern = namePattern("Mary  Jane", "O'Neil (Smith)");
    expect(pattern.exec("  mary jane\n o'neil (smith) ")?.[2]).toBeDefined();
    expect(pattern.exec("O'Neil (Smith), Mary Jane")?.[2]).toBeDefined();
    expect(pattern.exec("Mary Jane")?.[3]).toBeDefined();
    expect(pattern.exec("Mary Jane O'Neil")).toBeNull();
    expect(pattern.exec("Mary Jane O'Neil (Smith) joined")).toBeNull();
  });
});
