import { isRecord } from "../shared/is-record";
import { defaultMarkup, type MarkupTable, type PatternName, patternNames, type SelectorName, selectorNames } from "./markup";

export type MarkupOverride = {
  selectors?: Partial<Record<SelectorName, string>>;
  patterns?: Partial<Record<PatternName, string>>;
};

export type OverrideResult = { ok: true; markup: MarkupTable } | { ok: false; problems: string[] };

/** Checks CSS selector syntax with a DOM when there is one (content scripts, pages); the service worker has none. */
export function selectorSyntaxOk(selector: string): boolean {
  if (typeof document === "undefined") return selector.trim() !== "";
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function patternOk(pattern: string): boolean {
  try {
    new RegExp(pattern, "iu");
    return true;
  } catch {
    return false;
  }
}

function checkGroup(
  group: unknown,
  groupName: "selectors" | "patterns",
  known: readonly string[],
  valid: (text: string) => boolean,
  problems: string[],
): Record<string, string> {
  if (group === undefined) return {};
  if (!isRecord(group)) {
    problems.push(`${groupName} must be an object`);
    return {};
  }
  const accepted: Record<string, string> = {};
  for (const [name, value] of Object.entries(group)) {
    if (!known.includes(name)) problems.push(`${groupName}.${name} is not a known entry`);
    else if (typeof value !== "string" || value.length > 500 || !valid(value)) problems.push(`${groupName}.${name} is not valid`);
    else accepted[name] = value;
  }
  return accepted;
}

/**
 * Applies an admin's override of the markup table, all or nothing: any unknown entry or invalid
 * selector/pattern rejects the whole override (with every problem named) and the defaults stay.
 */
export function applyMarkupOverride(override: unknown, base: MarkupTable = defaultMarkup): OverrideResult {
  if (override === undefined || override === null) return { ok: true, markup: base };
  if (!isRecord(override)) return { ok: false, problems: ["selectorOverrides must be an object"] };
  const problems: string[] = [];
  for (const key of Object.keys(override))
    if (key !== "selectors" && key !== "patterns") problems.push(`${key} is not "selectors" or "patterns"`);
  const selectors = checkGroup(override.selectors, "selectors", selectorNames, selectorSyntaxOk, problems);
  const patterns = checkGroup(override.patterns, "patterns", patternNames, patternOk, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    markup: { selectors: { ...base.selectors, ...selectors }, patterns: { ...base.patterns, ...patterns } },
  };
}
