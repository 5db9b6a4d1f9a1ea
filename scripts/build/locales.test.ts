import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatMessage, type MessageTable } from "../../lib/i18n/messages";
import { shippedMessages } from "./locales";

describe("the messages a build ships", () => {
  it("keep each message and its placeholders, without the translators' notes", () => {
    const shipped = JSON.parse(
      shippedMessages({
        saved: {
          message: "Saved: $RATING$",
          description: "Shown after a rating is saved.",
          placeholders: { rating: { content: "$1", example: "Yes" } },
        },
        plain: { message: "Hello", description: "A greeting." },
      }),
    );
    expect(shipped).toEqual({
      saved: { message: "Saved: $RATING$", placeholders: { rating: { content: "$1" } } },
      plain: { message: "Hello" },
    });
  });

  it.each(["en", "fr"])("%s: every text reads the same as from the source file, in half the bytes or less", (locale) => {
    const text = readFileSync(`public/_locales/${locale}/messages.json`, "utf8");
    const source = JSON.parse(text) as MessageTable;
    const compact = shippedMessages(source);
    const shipped = JSON.parse(compact) as MessageTable;
    expect(Object.keys(shipped)).toEqual(Object.keys(source));
    for (const key of Object.keys(source))
      expect(formatMessage(shipped, key, ["A", "B", "C"])).toBe(formatMessage(source, key, ["A", "B", "C"]));
    expect(compact.length).toBeLessThan(text.length / 2);
  });
});
