import { describe, expect, it } from "vitest";
import { isEmailAddress } from "./email-syntax";

describe("isEmailAddress", () => {
  it.each(["ann.oneil@example.com", "o'neil+hellohire@mail.example.co.uk", "zoë.łukasiewicz@exämple.pl", "a@b.io"])(
    "accepts %s",
    (email) => expect(isEmailAddress(email)).toBe(true),
  );

  it.each([
    "",
    "ann",
    "ann@",
    "@example.com",
    "ann@example",
    "ann@@example.com",
    "ann oneil@example.com",
    "ann@exa mple.com",
    "ann..oneil@example.com",
    ".ann@example.com",
    "ann@-example.com",
    "ann@example.-com",
    "ann@127.0.0.1",
    "*@example.com OR 1=1",
    `${"a".repeat(65)}@example.com`,
    `ann@${"a".repeat(250)}.com`,
  ])("refuses %j", (email) => expect(isEmailAddress(email)).toBe(false));
});
