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
