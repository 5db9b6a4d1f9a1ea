import { isRecord } from "./http";
import type { SandboxFaults } from "./types";

export const DEFAULT_FAULTS: Readonly<SandboxFaults> = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  errorStatuses: [500, 502, 503],
  nextErrors: [],
  dropRate: 0,
  nextDrops: 0,
  applyThenFailRate: 0,
  nextApplyThenFail: 0,
  applyThenFailWith: "error",
  seed: 1,
});

const MAX_LATENCY_MS = 60_000;

export type FaultDecision = { kind: "none" } | { kind: "drop" } | { kind: "error"; status: number };

/** What happens to the answer of a write that was applied. */
export type AfterWriteDecision = { kind: "none" } | { kind: "drop" } | { kind: "error"; status: number };

/** Small seeded PRNG (mulberry32): same seed, same sequence. Returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function copyFaults(faults: Readonly<SandboxFaults>): SandboxFaults {
  return { ...faults, errorStatuses: [...faults.errorStatuses], nextErrors: [...faults.nextErrors] };
}

export type FaultsParse = { ok: true; faults: SandboxFaults } | { ok: false; message: string };

function isStatusList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((s) => Number.isInteger(s) && s >= 400 && s <= 599);
}

function isRate(value: unknown): value is number {
  return typeof value === "number" && value >= 0 && value <= 1;
}

/**
 * Validates a body of POST /__control/faults. The body replaces the current faults:
 * fields left out take their default values (so `{}` clears every fault).
 */
export function parseFaults(value: unknown): FaultsParse {
  if (!isRecord(value)) {
    return { ok: false, message: "Body must be a JSON object" };
  }
  const faults = copyFaults(DEFAULT_FAULTS);
  for (const [key, field] of Object.entries(value)) {
    switch (key) {
      case "latencyMs":
        if (typeof field !== "number" || !Number.isFinite(field) || field < 0 || field > MAX_LATENCY_MS) {
          return { ok: false, message: `latencyMs must be a number from 0 to ${MAX_LATENCY_MS}` };
        }
        faults.latencyMs = field;
        break;
      case "errorRate":
      case "dropRate":
        if (!isRate(field)) {
          return { ok: false, message: `${key} must be a number from 0 to 1` };
        }
        faults[key] = field;
        break;
      case "errorStatuses":
      case "nextErrors":
        if (!isStatusList(field)) {
          return { ok: false, message: `${key} must be an array of HTTP statuses from 400 to 599` };
        }
        faults[key] = [...field];
        break;
      case "applyThenFailRate":
        if (!isRate(field)) {
          return { ok: false, message: `${key} must be a number from 0 to 1` };
        }
        faults.applyThenFailRate = field;
        break;
      case "nextDrops":
      case "nextApplyThenFail":
        if (typeof field !== "number" || !Number.isInteger(field) || field < 0) {
          return { ok: false, message: `${key} must be a non-negative integer` };
        }
        faults[key] = field;
        break;
      case "applyThenFailWith":
        if (field !== "error" && field !== "drop") {
          return { ok: false, message: 'applyThenFailWith must be "error" or "drop"' };
        }
        faults.applyThenFailWith = field;
        break;
      case "seed":
        if (typeof field !== "number" || !Number.isInteger(field)) {
          return { ok: false, message: "seed must be an integer" };
        }
        faults.seed = field;
        break;
      default:
        return { ok: false, message: `Unknown fault: ${key}` };
    }
  }
  if (faults.errorRate > 0 && faults.errorStatuses.length === 0) {
    return { ok: false, message: "errorStatuses must not be empty when errorRate > 0" };
  }
  return { ok: true, faults };
}

/** Holds the configured faults and decides, request by request, which one applies. */
export class FaultInjector {
  private config: SandboxFaults = copyFaults(DEFAULT_FAULTS);
  private random: () => number = mulberry32(DEFAULT_FAULTS.seed);

  get current(): SandboxFaults {
    return copyFaults(this.config);
  }

  get latencyMs(): number {
    return this.config.latencyMs;
  }

  set(faults: SandboxFaults): void {
    this.config = copyFaults(faults);
    this.random = mulberry32(faults.seed);
  }

  reset(): void {
    this.set(DEFAULT_FAULTS);
  }

  /** Queued drops first, then queued errors, then the random drop and error rates. */
  decide(): FaultDecision {
    const config = this.config;
    if (config.nextDrops > 0) {
      config.nextDrops -= 1;
      return { kind: "drop" };
    }
    const next = config.nextErrors.shift();
    if (next !== undefined) {
      return { kind: "error", status: next };
    }
    if (config.dropRate > 0 && this.random() < config.dropRate) {
      return { kind: "drop" };
    }
    if (config.errorRate > 0 && this.random() < config.errorRate) {
      const index = Math.floor(this.random() * config.errorStatuses.length);
      const status = config.errorStatuses[index];
      if (status !== undefined) {
        return { kind: "error", status };
      }
    }
    return { kind: "none" };
  }

  /**
   * "Applied, then failed", asked only after a write succeeded: queued ones first, then the rate.
   * An error answers the first of errorStatuses (500 when there is none).
   */
  decideAfterWrite(): AfterWriteDecision {
    const config = this.config;
    let hit = false;
    if (config.nextApplyThenFail > 0) {
      config.nextApplyThenFail -= 1;
      hit = true;
    } else if (config.applyThenFailRate > 0 && this.random() < config.applyThenFailRate) {
      hit = true;
    }
    if (!hit) {
      return { kind: "none" };
    }
    return config.applyThenFailWith === "drop" ? { kind: "drop" } : { kind: "error", status: config.errorStatuses[0] ?? 500 };
  }
}
