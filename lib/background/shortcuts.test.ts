import { describe, expect, it } from "vitest";
import { ratingCommands } from "../manifest/manifest";
import { ratingForCommand } from "./shortcuts";

describe("ratingForCommand", () => {
  it("gives a rating for each command the manifest declares, with Alt+Shift+Y / M / N", () => {
    expect(Object.keys(ratingCommands).map(ratingForCommand)).toEqual(["yes", "maybe", "no"]);
    expect(Object.values(ratingCommands).map((c) => c.suggested_key.default)).toEqual([
      "Alt+Shift+Y",
      "Alt+Shift+M",
      "Alt+Shift+N",
    ]);
  });

  it("ignores other commands", () => {
    expect(ratingForCommand("_execute_action")).toBeNull();
    expect(ratingForCommand("toString")).toBeNull();
  });
});
