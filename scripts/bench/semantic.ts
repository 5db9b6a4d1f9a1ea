/**
 * The reader by meaning, on a layout only it can read (test/hellohire/app/layouts/hashed-classes.html: no
 * `data-testid` of the markup table):
 * - semantic_inject_p95_ms: the candidate's name element re-rendered (removed then inserted in a later task, or
 *   replaced in the same task, or with its parent) → our link and buttons rendered right after the new element (p95);
 * - semantic_content_script_ms_per_s: our content script's JS time per second while the page's own storm runs
 *   (storm.js: the name replaced every second, a timer every 100 ms, video tiles 20 times a second) and a
 *   denser one like the room's (~1,200 operations a second), outside the candidate's fields.
 */
import { extensionId } from "../../test/e2e/extension";
import { injectTrialDefaults } from "./inject";
import { openLayoutPage, waitForWidget } from "./lib/browser";
import { analyzeProfile, startProfiler, stopProfiler } from "./lib/cpu-profile";
import type { Figure, Measurement } from "./lib/figure";
import { runInjectTrialsInPage, type TrialKind } from "./lib/page-inject";
import { percentile, sleep, summary } from "./lib/stats";

const layout = "hashed-classes.html";
const pattern: TrialKind[] = ["separate-task", "same-task", "separate-task", "same-task-parent"];
const stormSeconds = 10;
const stormTargets = { tiles: "[data-storm-tiles] > *", timer: "[data-storm-timer]", list: "aside ul" };
const samplingIntervalUs = Number(process.env.BENCH_SAMPLING_US ?? 100);

/**
 * In the page's main world: 1,200 operations a second with the room storm's mix (page-storm.ts), outside the
 * candidate's fields: video tile attributes, a tile's level meter re-rendered, the timer's text and label, a side-list
 * item's class, and (one in 40) a line appended to the side list.
 */
function startDenseStorm(where: { tiles: string; timer: string; list: string }): void {
  const tiles = Array.from(document.querySelectorAll(where.tiles));
  const timer = document.querySelector(where.timer);
  const list = document.querySelector(where.list);
  let flip = 0;
  const others: (() => void)[] = [
    () => {
      for (const tile of tiles) tile.setAttribute("data-level", String(flip++ % 7));
    },
    () => {
      const meter = tiles[flip++ % Math.max(1, tiles.length)]?.lastElementChild;
      meter?.replaceWith(meter.cloneNode(true));
    },
    () => {
      const text = timer?.firstChild;
      if (text instanceof Text) text.data = `00:${String(flip++ % 60).padStart(2, "0")}`;
      timer?.setAttribute("aria-label", `Elapsed ${flip}`);
    },
    () => {
      const items = list ? Array.from(list.children) : [];
      items[flip++ % Math.max(1, items.length)]?.classList.toggle("bench-highlight");
    },
  ];
  const appendLine = () => {
    const last = list?.lastElementChild;
    if (!list || !last) return;
    list.append(last.cloneNode(true));
    if (list.childElementCount > 50) list.firstElementChild?.remove();
  };
  const started = performance.now();
  let done = 0;
  const id = setInterval(() => {
    const due = Math.min(40, Math.floor(((performance.now() - started) / 1000) * 1_200) - done);
    for (let i = 0; i < due; i++) {
      const index = done + i;
      (index % 40 === 39 ? appendLine : (others[index % others.length] ?? appendLine))();
    }
    done += Math.max(0, due);
  }, 4);
  (window as unknown as { stopDenseStorm(): void }).stopDenseStorm = () => clearInterval(id);
}

export const semantic: Figure = {
  id: "semantic",
  description:
    "semantic_inject_p95_ms and semantic_content_script_ms_per_s: the reader by meaning on a layout the table cannot read",
  async run({ log, environment }) {
    const env = await environment();
    const base = `${env.hellohire.url}/layouts/${layout}`;
    const measurements: Measurement[] = [];

    const page = await openLayoutPage(env.browser.context, base);
    await waitForWidget(page);
    const run = await page.evaluate(runInjectTrialsInPage, {
      ...injectTrialDefaults,
      pattern,
      keys: [],
      nameSelector: "[data-storm-name]",
    });
    await page.close();
    for (const error of run.errors.slice(0, 5)) log(`semantic: page error: ${error}`);
    const times = run.results.flatMap((result) => (result.ms === null ? [] : [result.ms]));
    log(`semantic: ${run.results.length} re-renders of the name on ${layout}: ${summary(times)}`);
    for (const kind of new Set(pattern)) {
      const ofKind = run.results.filter((result) => result.kind === kind && result.ms !== null);
      log(`semantic:   ${kind.padEnd(16)} ${summary(ofKind.map((result) => result.ms ?? 0))}`);
    }
    measurements.push(
      { name: "semantic_inject_p95_ms", value: percentile(times, 95), unit: "ms", budget: 2, decimals: 2, samples: times },
      { name: "semantic_inject_missed", value: run.results.length - times.length, unit: "count", budget: 0, decimals: 0 },
    );

    const stormPage = await openLayoutPage(env.browser.context, `${base}?storm=1`);
    await waitForWidget(stormPage);
    const session = await stormPage.context().newCDPSession(stormPage);
    try {
      await startProfiler(session, samplingIntervalUs);
      await stormPage.evaluate(startDenseStorm, stormTargets);
      await sleep(stormSeconds * 1000);
      await stormPage.evaluate(() => (window as unknown as { stopDenseStorm(): void }).stopDenseStorm());
      const totals = analyzeProfile(await stopProfiler(session), `chrome-extension://${extensionId}/`);
      const renders = await stormPage.evaluate(() => (window as unknown as { stormRenders: number }).stormRenders);
      const stillThere = await stormPage.evaluate(
        () => document.querySelector("[data-storm-name] + srh-interview-widget") !== null,
      );
      const seconds = totals.wallMs / 1000;
      log(
        `semantic: storm ${seconds.toFixed(1)} s (${renders} name re-renders), widget still under the name: ${stillThere}; ours ${totals.matchingMs.toFixed(1)} ms`,
      );
      for (const [frame, ms] of totals.topFrames) log(`semantic:   ${ms.toFixed(1).padStart(7)} ms at ${frame}`);
      measurements.push({
        name: "semantic_content_script_ms_per_s",
        value: totals.matchingMs / seconds,
        unit: "ms/s",
        budget: 5,
        decimals: 2,
      });
    } finally {
      await session.detach().catch(() => undefined);
      await stormPage.close();
    }
    return measurements;
  },
};
