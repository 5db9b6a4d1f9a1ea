import type { Page } from "playwright-core";
import type { Environment } from "../../../test/e2e/environment";

/** One figure printed as `BENCH <name> <value> <unit> budget=<budget>`. */
export interface Measurement {
  name: string;
  value: number;
  unit: string;
  budget: number;
  /** Decimals printed (default 1). */
  decimals?: number;
  /** The budget is a floor (the value must be at least the budget), not a ceiling. */
  atLeast?: boolean;
  /** The samples the value comes from (loads, trials, ratings): run.ts prints their spread under the BENCH line. */
  samples?: readonly number[];
}

/** What every figure gets from run.ts. */
export interface BenchContext {
  /** Prints a context line (never starts with BENCH). */
  log(line: string): void;
  /** Sandbox + fixture pages + Chromium with the test build, connected through the side panel (started once, on first use). */
  environment(): Promise<Environment>;
  /** Opens a fixture room page in `env`'s browser (main-world helpers installed) and waits for our widget. */
  openRoom(query: string): Promise<Page>;
}

/** One benchmark module: scripts/bench/<id>.ts exports one of these. */
export interface Figure {
  /** The name used on the command line: `tsx scripts/bench/run.ts <id>`. */
  id: string;
  /** One line for `run.ts --help`. */
  description: string;
  run(context: BenchContext): Promise<Measurement[]>;
}

export function formatValue(measurement: Measurement): string {
  return measurement.value.toFixed(measurement.decimals ?? 1);
}

export function benchLine(measurement: Measurement): string {
  return `BENCH ${measurement.name} ${formatValue(measurement)} ${measurement.unit} budget=${measurement.budget}`;
}

export function overBudget(measurement: Measurement): boolean {
  const value = Number(formatValue(measurement));
  if (!Number.isFinite(measurement.value)) return true;
  return measurement.atLeast ? value < measurement.budget : value > measurement.budget;
}

/** "spread <name>: min 1.2 / median 3.4 / max 9.9 ms (n=20)": the samples behind a figure, when it has several. */
export function spreadLine(measurement: Measurement): string | null {
  const samples = measurement.samples ?? [];
  if (samples.length < 2) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const decimals = measurement.decimals ?? 1;
  const at = (index: number) => (sorted[index] ?? Number.NaN).toFixed(decimals);
  const middle =
    sorted.length % 2 === 1
      ? at((sorted.length - 1) / 2)
      : (((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2).toFixed(decimals);
  return `spread ${measurement.name}: min ${at(0)} / median ${middle} / max ${at(sorted.length - 1)} ${measurement.unit} (n=${sorted.length})`;
}
