/**
 * host_task_ratio: the room page's main-thread time with the extension divided by without, from
 * alternating 1 s storm blocks in two Chromium instances running side by side (one with the test
 * build, connected; one without), from CDP `Performance.getMetrics` TaskDuration deltas.
 */
import type { CDPSession, Page } from "playwright-core";
import { stormOperationsPerSecond } from "./content-cpu";
import { roomQuery } from "./inject";
import { launchPlainChromium, openFixturePage } from "./lib/browser";
import type { Figure } from "./lib/figure";
import { installStormInPage, startStormInPage, stopStormInPage } from "./lib/page-storm";
import { mean, pairedRatioInterval, percentile, sleep, sum } from "./lib/stats";

/** 1 s blocks per browser (BENCH_BLOCKS to change): the extension's share is ~1–2% of a noisy ~600 ms/s. */
const blocksEach = Number(process.env.BENCH_BLOCKS ?? 36);
const blockMs = 1_000;

interface Side {
  label: "with" | "without";
  page: Page;
  session: CDPSession;
  task: number[];
  script: number[];
  rates: number[];
}

async function metrics(session: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await session.send("Performance.getMetrics");
  return new Map(list.map((metric) => [metric.name, metric.value]));
}

async function block(side: Side, record: boolean): Promise<void> {
  const before = await metrics(side.session);
  await side.page.evaluate(startStormInPage, stormOperationsPerSecond);
  await sleep(record ? blockMs : blockMs / 2);
  const storm = await side.page.evaluate(stopStormInPage);
  const after = await metrics(side.session);
  if (!record) return;
  const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
  side.task.push(delta("TaskDuration"));
  side.script.push(delta("ScriptDuration"));
  side.rates.push(storm.records / (storm.ms / 1000));
}

async function side(label: Side["label"], page: Page): Promise<Side> {
  const session = await page.context().newCDPSession(page);
  await session.send("Performance.enable");
  await page.evaluate(installStormInPage);
  return { label, page, session, task: [], script: [], rates: [] };
}

export const hostRatio: Figure = {
  id: "host-ratio",
  description:
    "host_task_ratio: page main-thread time with / without the extension, alternating 1 s storm blocks in two browsers",
  async run({ log, environment, openRoom }) {
    const env = await environment();
    const plain = await launchPlainChromium();
    try {
      const withPage = await openRoom(roomQuery);
      const withoutPage = await openFixturePage(plain.context, env.roomUrl(roomQuery));
      const sides = [await side("with", withPage), await side("without", withoutPage)] as const;
      for (const s of sides) await block(s, false); // warm-up
      for (let i = 0; i < blocksEach; i++) {
        for (const s of sides) await block(s, true);
      }
      const [withExtension, without] = sides;
      const ratio = sum(withExtension.task) / sum(without.task);
      const scriptRatio = sum(withExtension.script) / sum(without.script);
      const pairRatios = withExtension.task.map((value, i) => value / (without.task[i] ?? Number.NaN));
      for (const s of sides) {
        log(
          `host-ratio: ${s.label.padEnd(7)} extension: main-thread ${mean(s.task).toFixed(1)} ms per 1 s block (script ${mean(s.script).toFixed(1)} ms), storm ${mean(s.rates).toFixed(0)} mutation records/s`,
        );
      }
      const [low, high] = pairedRatioInterval(withExtension.task, without.task);
      log(
        `host-ratio: ${blocksEach} blocks each, 95% bootstrap interval of the ratio ${low.toFixed(3)}–${high.toFixed(3)}; ratio per pair min ${Math.min(...pairRatios).toFixed(3)} / median ${percentile(pairRatios, 50).toFixed(3)} / max ${Math.max(...pairRatios).toFixed(3)}; script-time ratio ${scriptRatio.toFixed(3)} (soft budget)`,
      );
      await Promise.all(sides.map((s) => s.session.detach().catch(() => undefined)));
      await withPage.close();
      return [{ name: "host_task_ratio", value: ratio, unit: "ratio", budget: 1.05, decimals: 3 }];
    } finally {
      await plain.close();
    }
  },
};
