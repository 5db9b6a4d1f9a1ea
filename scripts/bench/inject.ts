/**
 * inject_p95_ms: from the page inserting a candidate-name node (in a later task than the removal,
 * in the same task as the removal, with the name's parent, or with a whole new candidate card) until
 * our link and Yes / Maybe / No buttons are rendered right after the new node, timed in the page.
 */
import { hellohireQueue } from "../../test/shared/people";
import type { Figure, Measurement } from "./lib/figure";
import { runInjectTrialsInPage, type TrialKind, type TrialOptions } from "./lib/page-inject";
import { percentile, summary } from "./lib/stats";

export const roomQuery = "?rerender=0&stageMs=0&chatMs=0";

/**
 * (a) separate task and (b) same task alternate; in place of some (b): the name's parent replaced,
 * a candidate change (card swapped for another candidate's, then back), and the fixture's own show().
 */
const pattern: TrialKind[] = [
  "separate-task",
  "same-task",
  "separate-task",
  "same-task",
  "separate-task",
  "same-task-parent",
  "separate-task",
  "same-task",
  "separate-task",
  "candidate-change",
  "separate-task",
  "candidate-change",
  "separate-task",
  "same-task",
  "separate-task",
  "fixture-show",
];

/** Trials whose inserting task does nothing after the insertion: the figure. fixture-show is reported apart. */
const figureKinds = new Set<TrialKind>(["separate-task", "same-task", "same-task-parent", "candidate-change"]);

export const injectTrialDefaults: TrialOptions = {
  trials: 368,
  warmup: 16,
  pattern,
  keys: hellohireQueue.map((person) => person.key),
  timeoutMs: 2_000,
  settleMs: 8,
  gapMs: 4,
};

export const inject: Figure = {
  id: "inject",
  description: "inject_p95_ms: candidate name inserted → our link and buttons rendered (p95, ≥300 insertions)",
  async run({ log, openRoom }) {
    const page = await openRoom(roomQuery);
    const started = Date.now();
    const run = await page.evaluate(runInjectTrialsInPage, injectTrialDefaults);
    await page.close();
    const seconds = (Date.now() - started) / 1000;
    for (const error of run.errors.slice(0, 5)) log(`inject: page error: ${error}`);
    const done = run.results.filter((result) => result.ms !== null);
    const counted = done.filter((result) => figureKinds.has(result.kind));
    const times = counted.map((result) => result.ms ?? 0);
    const missed = run.results.length - done.length;
    log(
      `inject: ${run.results.length} insertions (+${injectTrialDefaults.warmup} warm-up) in ${seconds.toFixed(1)} s, page clock step ${run.clockStepMs.toFixed(3)} ms`,
    );
    log(`inject: figure (${[...figureKinds].join(", ")}): ${summary(times)}`);
    for (const kind of new Set(pattern)) {
      const ofKind = done.filter((result) => result.kind === kind);
      if (ofKind.length === 0) continue;
      log(`inject:   ${kind.padEnd(16)} ${summary(ofKind.map((result) => result.ms ?? 0))}`);
      const host = ofKind.map((result) => result.hostMs);
      if (percentile(host, 95) >= 0.5) {
        const after = ofKind.map((result) => (result.ms ?? 0) - result.hostMs);
        log(
          `inject:   ${"".padEnd(16)} = the page's own work in the inserting task (${summary(host)}) + then until rendered (${summary(after)})`,
        );
      }
    }
    const by = new Map<string, number>();
    for (const result of done) by.set(result.by, (by.get(result.by) ?? 0) + 1);
    const late = done.filter((result) => result.failedChecks > 0).length;
    log(
      `inject: first seen by ${[...by.entries()].map(([key, count]) => `${key} ${count}`).join(", ")}; not yet rendered at the first check: ${late}`,
    );
    if (counted.length < 300) log(`inject: WARNING only ${counted.length} insertions (wanted ≥300)`);
    const measurements: Measurement[] = [
      { name: "inject_p95_ms", value: percentile(times, 95), unit: "ms", budget: 2, decimals: 2, samples: times },
      { name: "inject_missed", value: missed, unit: "count", budget: 0, decimals: 0 },
    ];
    return measurements;
  },
};
