/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** "p50 0.30 / p95 0.70 / max 1.90 ms (n=120)". */
export function summary(values: readonly number[], unit = "ms", decimals = 2): string {
  const fmt = (value: number) => value.toFixed(decimals);
  return `p50 ${fmt(percentile(values, 50))} / p95 ${fmt(percentile(values, 95))} / max ${fmt(Math.max(...values))} ${unit} (n=${values.length})`;
}

/**
 * 95% bootstrap interval of sum(a) / sum(b) over paired blocks (a[i] with b[i]); deterministic
 * (fixed-seed generator), so two runs on the same data print the same interval.
 */
export function pairedRatioInterval(a: readonly number[], b: readonly number[], rounds = 2000): [number, number] {
  const n = Math.min(a.length, b.length);
  if (n === 0) return [Number.NaN, Number.NaN];
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x1_0000_0000;
  };
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let top = 0;
    let bottom = 0;
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(random() * n);
      top += a[pick] ?? 0;
      bottom += b[pick] ?? 0;
    }
    ratios.push(top / bottom);
  }
  return [percentile(ratios, 2.5), percentile(ratios, 97.5)];
}
