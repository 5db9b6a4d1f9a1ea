/**
 * sidepanel_first_paint_ms: from navigation start of the side panel page (sidepanel.html of the test
 * build, not connected) until the rendering update that painted its settings — the "SmartRecruiters
 * integration" switch's label, by Element Timing — not a placeholder. Median of SAMPLES fresh loads
 * (new tab each), after one warm-up load, in a Chromium of its own with no DevTools client attached
 * while the page loads (lib/unattached-chromium.ts); each page is read afterwards from its buffered
 * performance entries (lib/page-paint.ts). Fails when the switch does not show up.
 */

import { extensionUrl } from "../../test/e2e/extension";
import { prepareBenchPage } from "./lib/browser";
import type { BenchContext, Figure } from "./lib/figure";
import { type PanelPaint, readPanelPaint, switchLabel, switchTimingId } from "./lib/page-paint";
import { percentile, sleep, summary } from "./lib/stats";
import { launchUnattachedChromium, type UnattachedChromium } from "./lib/unattached-chromium";

/** Counted loads (after the warm-up); at least 15. */
const samples = Math.max(15, Number(process.env.BENCH_PANEL_LOADS ?? 20));
/** Time a load gets before it is read; the panel paints within a few hundred ms even on a busy machine. */
const settleMs = 800;
/** Pause between loads. */
const pauseMs = 500;

async function loadOnce(browser: UnattachedChromium, url: string): Promise<PanelPaint> {
  const tab = await browser.open(url);
  try {
    await sleep(settleMs);
    const paint = await browser.inspect(url, async (page) => {
      await prepareBenchPage(page);
      return page.evaluate(readPanelPaint, { label: switchLabel, timingId: switchTimingId });
    });
    if (!paint.switchVisible)
      throw new Error(`no visible "${switchLabel}" switch after ${settleMs} ms; the panel shows: ${paint.text || "(empty)"}`);
    if (paint.switchPaintedAt === null)
      throw new Error(`the "${switchLabel}" switch has no Element Timing entry (elementtiming="${switchTimingId}" missing?)`);
    return paint;
  } finally {
    await browser.closeTab(tab);
  }
}

async function measure(log: BenchContext["log"]): Promise<PanelPaint[]> {
  const browser = await launchUnattachedChromium();
  try {
    // The extension's first run opens a welcome tab: wait for the worker, then close it.
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(100)) {
      const targets = await browser.targets();
      const welcome = targets.find((target) => target.url.startsWith(extensionUrl("sidepanel.html?welcome")));
      if (welcome) {
        await browser.closeTab(welcome.id);
        break;
      }
    }
    const url = extensionUrl("sidepanel.html");
    const loads: PanelPaint[] = [];
    for (let i = 0; i <= samples; i++) {
      const load = await loadOnce(browser, url);
      // The first load is the warm-up (the worker and the extension's code caches are cold).
      if (i > 0) loads.push(load);
      else log(`sidepanel: warm-up load painted at ${load.switchPaintedAt?.toFixed(1)} ms (not counted)`);
      // As a user opens the panel: not while the last load is still being read and closed.
      await sleep(pauseMs);
    }
    return loads;
  } finally {
    await browser.close();
  }
}

export const sidepanel: Figure = {
  id: "sidepanel",
  description: "sidepanel_first_paint_ms: side panel navigation start → settings switch painted (median of ≥15 fresh loads)",
  async run({ log }) {
    const loads = await measure(log);
    if (loads.length < 15) throw new Error(`only ${loads.length} side panel loads measured (BENCH_PANEL_LOADS?); 15 needed`);
    const values = loads.map((load) => load.switchPaintedAt as number);
    const row = (label: string, pick: (load: PanelPaint) => number | null) =>
      log(`sidepanel: ${label.padEnd(30)} ${loads.map((load) => pick(load)?.toFixed(1) ?? "-").join(" ")}`);
    log(`sidepanel: ${loads.length} fresh loads (new tab each, not connected, no DevTools client attached while loading)`);
    log(`sidepanel: painted: ${summary(values, "ms", 1)}`);
    const presented = loads.map((load) => load.switchPresentedAt).filter((value): value is number => value !== null);
    if (presented.length > 0) log(`sidepanel: presented: ${summary(presented, "ms", 1)} (Element Timing renderTime)`);
    row("HTML parsed", (load) => load.domInteractive);
    row("switch painted (the figure)", (load) => load.switchPaintedAt);
    row("switch presented", (load) => load.switchPresentedAt);
    row("first-contentful-paint painted", (load) => load.fcpPaintedAt);
    return [
      { name: "sidepanel_first_paint_ms", value: percentile(values, 50), unit: "ms", budget: 100, decimals: 1, samples: values },
    ];
  },
};
