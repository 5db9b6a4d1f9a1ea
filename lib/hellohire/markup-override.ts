import { isRecord } from "../shared/is-record";
import { defaultMarkup, type MarkupTable, type PatternName, patternNames, type SelectorName, selectorNames } from "./markup";
import { selectorSyntaxOk } from "./selector-syntax";

export type MarkupOverride = {
  selectors?: Partial<Record<SelectorName, string>>;
  patterns?: Partial<Record<PatternName, string>>;
};

export type OverrideResult = { ok: true; markup: MarkupTable } | { ok: false; problems: string[] };

/**
 * The longest label pattern an admin may set. Label patterns are short (`^e-?mail$`). The label text
 * they run on is the page's, so it is bounded too (read-page.ts, maxLabelLength): with both bounds,
 * and the shapes that backtrack without end refused (backtracksWithoutEnd), a pattern cannot hang the page.
 */
export const maxPatternLength = 200;

/** The longest selector an admin may set. */
export const maxSelectorLength = 500;

/** Where a group's type ends: after `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>`; at `start` for a plain group. */
function groupBodyStart(pattern: string, start: number): number {
  if (pattern[start] !== "?") return start;
  const named = /^\?<[A-Za-z_$][\w$]*>/u.exec(pattern.slice(start));
  if (named) return start + named[0].length;
  return start + (pattern[start + 1] === "<" ? 3 : 2);
}

/** A repetition (`*`, `+`, `{n,m}`) at `index`: what makes a group repeat. `?` is not one. */
function repeatsAt(pattern: string, index: number): boolean {
  const next = pattern[index];
  return next === "*" || next === "+" || (next === "{" && /^\{\d+(,\d*)?\}/u.test(pattern.slice(index)));
}

/**
 * The shapes that make a pattern backtrack without end on a short text: a repeated group that repeats
 * or alternates inside (`(a+)+`, `(\w|\d)*`), and backreferences. The length bounds alone do not
 * stop these: 30 characters are enough to hang the page.
 */
export function backtracksWithoutEnd(pattern: string): boolean {
  const groups: { varies: boolean }[] = [{ varies: false }];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const group = groups[groups.length - 1] ?? { varies: false };
    if (char === "\\") {
      if (/[1-9k]/u.test(pattern[i + 1] ?? "")) return true;
      i++;
    } else if (char === "[") {
      for (i++; i < pattern.length && pattern[i] !== "]"; i++) if (pattern[i] === "\\") i++;
    } else if (char === "(") {
      groups.push({ varies: false });
      i = groupBodyStart(pattern, i + 1) - 1;
    } else if (char === ")") {
      const inner = groups.pop() ?? { varies: false };
      const outer = groups[groups.length - 1] ?? { varies: false };
      if (repeatsAt(pattern, i + 1) && inner.varies) return true;
      if (inner.varies) outer.varies = true;
    } else if (char === "|" || char === "?" || repeatsAt(pattern, i)) {
      group.varies = true;
    }
  }
  return false;
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
  check: { valid: (text: string) => boolean; maxLength: number },
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
    else if (typeof value === "string" && value.length > check.maxLength)
      problems.push(`${groupName}.${name} is longer than ${check.maxLength} characters`);
    else if (typeof value !== "string" || !check.valid(value)) problems.push(`${groupName}.${name} is not valid`);
    else if (groupName === "patterns" && backtracksWithoutEnd(value))
      problems.push(
        `${groupName}.${name} repeats a group that repeats or alternates inside, or refers back: it could hang the page`,
      );
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
  const selectors = checkGroup(
    override.selectors,
    "selectors",
    selectorNames,
    { valid: selectorSyntaxOk, maxLength: maxSelectorLength },
    problems,
  );
  const patterns = checkGroup(
    override.patterns,
    "patterns",
    patternNames,
    { valid: patternOk, maxLength: maxPatternLength },
    problems,
  );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    markup: { selectors: { ...base.selectors, ...selectors }, patterns: { ...base.patterns, ...patterns } },
  };
}
