/**
 * content_script_ms_per_s: our content script's own JavaScript time per second of wall time while
 * the room page runs a storm of ≥1,000 DOM mutations per second for 10 s, from a V8 CPU profile of
 * the page's isolate (DevTools protocol): samples with a chrome-extension:// frame in their stack.
 */
import { extensionId } from "../../test/e2e/extension";
import { injectTrialDefaults, roomQuery } from "./inject";
import { analyzeProfile, startProfiler, stopProfiler } from "./lib/cpu-profile";
import type { Figure } from "./lib/figure";
import { runInjectTrialsInPage } from "./lib/page-inject";
import { installStormInPage, startStormInPage, stopStormInPage } from "./lib/page-storm";
import { sleep } from "./lib/stats";

export const stormOperationsPerSecond = 1_200;
const stormSeconds = 10;
const samplingIntervalUs = Number(process.env.BENCH_SAMPLING_US ?? 100);

export const contentCpu: Figure = {
  id: "content-cpu",
  description: "content_script_ms_per_s: our content script's JS time per second during a 10 s mutation storm (CPU profile)",
  async run({ log, openRoom }) {
    const page = await openRoom(roomQuery);
    const session = await page.context().newCDPSession(page);
    const urlPrefix = `chrome-extension://${extensionId}/`;
    try {
      // Sanity check: while the extension does visible work (insertions), the profile must show its frames.
      await startProfiler(session, samplingIntervalUs);
      const sanityRun = await page.evaluate(runInjectTrialsInPage, { ...injectTrialDefaults, trials: 48, warmup: 0 });
      const sanity = analyzeProfile(await stopProfiler(session), "chrome-extension://");
      log(
        `content-cpu: profiler sanity check: ${sanity.matchingSamples} of ${sanity.samples} samples (${sanity.matchingMs.toFixed(1)} ms) in chrome-extension:// frames during ${sanityRun.results.length} insertions`,
      );
      if (sanity.matchingSamples === 0) {
        log("content-cpu: WARNING: no chrome-extension:// frames in the profile: the figure below is 0 by construction");
      }

      await page.evaluate(installStormInPage);
      await sleep(300);
      await startProfiler(session, samplingIntervalUs);
      await page.evaluate(startStormInPage, stormOperationsPerSecond);
      await sleep(stormSeconds * 1000);
      const storm = await page.evaluate(stopStormInPage);
      const totals = analyzeProfile(await stopProfiler(session), urlPrefix);
      const stillThere = await page.evaluate(
        () => document.querySelector('[data-testid="candidate-name"] + srh-interview-widget') !== null,
      );

      const seconds = totals.wallMs / 1000;
      const rate = storm.records / (storm.ms / 1000);
      log(
        `content-cpu: storm ${rate.toFixed(0)} mutation records/s (${storm.records} records, ${storm.operations} operations in ${storm.tasks} tasks, ${(storm.ms / 1000).toFixed(1)} s); widget still under the name: ${stillThere}`,
      );
      log(
        `content-cpu: profile ${seconds.toFixed(1)} s, ${totals.samples} samples (asked every ${samplingIntervalUs} µs, median gap ${totals.medianGapUs.toFixed(0)} µs); page JS+GC ${(totals.busyMs / seconds).toFixed(1)} ms/s`,
      );
      log(
        `content-cpu: ours ${totals.matchingSamples} samples, ${totals.matchingMs.toFixed(1)} ms (${(totals.matchingUncappedMs / seconds).toFixed(2)} ms/s if every sample lasted until the next however long)`,
      );
      for (const [frame, ms] of totals.topFrames) log(`content-cpu:   ${ms.toFixed(1).padStart(7)} ms at ${frame}`);
      if (rate < 1000) log("content-cpu: WARNING: the storm ran below 1,000 mutations/s");
      return [{ name: "content_script_ms_per_s", value: totals.matchingMs / seconds, unit: "ms/s", budget: 1, decimals: 2 }];
    } finally {
      await session.detach().catch(() => undefined);
      await page.close();
    }
  },
};
