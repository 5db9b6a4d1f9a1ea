/**
 * sidepanel_paint_ratio: that figure over the same figure for a static copy of the panel's first screen (its HTML as
 * painted, without scripts, same stylesheet), loaded the same way right after each panel load: the part of the paint
 * that is the panel's own, above what Chromium's navigation and painting take for any page.
 *
 * sidepanel_first_paint_ms: from navigation start of the side panel page (sidepanel.html of the test
 * build, not connected) until the rendering update that painted its settings — the "SmartRecruiters
 * integration" switch's label, by Element Timing — not a placeholder. Median of SAMPLES fresh loads
 * (new tab each), after one warm-up load, in a Chromium of its own with no DevTools client attached
 * while the page loads (lib/unattached-chromium.ts); each page is read afterwards from its buffered
 * performance entries (lib/page-paint.ts). Fails when the switch does not show up.
 */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PanelMark } from "../../lib/shared/timing";
import { extensionPath, extensionUrl } from "../../test/e2e/extension";
import { prepareBenchPage } from "./lib/browser";
import type { BenchContext, Figure } from "./lib/figure";
import { type PanelPaint, readPanelPaint, switchLabel, switchTimingId } from "./lib/page-paint";

const panelMarks: [PanelMark, PanelMark] = ["srh-panel-script-started", "srh-panel-rendered"];

import { percentile, sleep, summary } from "./lib/stats";
import { launchUnattachedChromium, type UnattachedChromium } from "./lib/unattached-chromium";

/** Counted loads (after the warm-up); at least 15. */
const samples = Math.max(15, Number(process.env.BENCH_PANEL_LOADS ?? 20));
/** Time a load gets before it is read; the panel paints within a few hundred ms even on a busy machine. */
const settleMs = 800;
/** Pause between loads. */
const pauseMs = 500;
/** The panel's first screen as a static page (written into the test build by the warm-up load). */
const staticPanelFile = "bench-static-panel.html";

/** The page as painted, as static HTML: no script, the same stylesheet, the same text and marks. */
function staticCopy(): string {
  const copy = document.documentElement.cloneNode(true) as HTMLElement;
  for (const script of copy.querySelectorAll('script, link[rel="modulepreload"]')) script.remove();
  return `<!doctype html>\n${copy.outerHTML}`;
}

async function loadOnce(browser: UnattachedChromium, url: string, copy?: (html: string) => void): Promise<PanelPaint> {
  const tab = await browser.open(url);
  try {
    await sleep(settleMs);
    const paint = await browser.inspect(url, async (page) => {
      await prepareBenchPage(page);
      if (copy) copy(await page.evaluate(staticCopy));
      return page.evaluate(readPanelPaint, { label: switchLabel, timingId: switchTimingId, marks: panelMarks });
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

/** A load of the panel, and one of its static copy right after (the same browser, the same moment). */
interface PairedLoad {
  panel: PanelPaint;
  floor: PanelPaint;
}

async function measure(log: BenchContext["log"]): Promise<PairedLoad[]> {
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
    // The warm-up load (the worker and the extension's code caches are cold) also gives the static copy of its first
    // screen, written beside the panel in the test build, so that it loads from the same origin the same way.
    const warmUp = await loadOnce(browser, url, (html) => writeFileSync(join(extensionPath, staticPanelFile), html));
    log(`sidepanel: warm-up load painted at ${warmUp.switchPaintedAt?.toFixed(1)} ms (not counted)`);
    await sleep(pauseMs);
    await loadOnce(browser, extensionUrl(staticPanelFile));
    await sleep(pauseMs);
    const loads: PairedLoad[] = [];
    for (let i = 0; i < samples; i++) {
      // As a user opens the panel: not while the last load is still being read and closed.
      const panel = await loadOnce(browser, url);
      await sleep(pauseMs);
      const floor = await loadOnce(browser, extensionUrl(staticPanelFile));
      await sleep(pauseMs);
      loads.push({ panel, floor });
    }
    return loads;
  } finally {
    await browser.close();
  }
}

export const sidepanel: Figure = {
  id: "sidepanel",
  description:
    "sidepanel_first_paint_ms: side panel navigation start → settings switch painted (median of ≥15 fresh loads); sidepanel_paint_ratio: over its static copy's",
  async run({ log }) {
    const pairs = await measure(log);
    if (pairs.length < 15) throw new Error(`only ${pairs.length} side panel loads measured (BENCH_PANEL_LOADS?); 15 needed`);
    const loads = pairs.map((pair) => pair.panel);
    const values = loads.map((load) => load.switchPaintedAt as number);
    const floors = pairs.map((pair) => pair.floor.switchPaintedAt as number);
    const row = (label: string, pick: (load: PanelPaint) => number | null) =>
      log(`sidepanel: ${label.padEnd(30)} ${loads.map((load) => pick(load)?.toFixed(1) ?? "-").join(" ")}`);
    log(`sidepanel: ${loads.length} fresh loads (new tab each, not connected, no DevTools client attached while loading)`);
    log(`sidepanel: painted: ${summary(values, "ms", 1)}`);
    log(`sidepanel: its static copy (no script, same stylesheet and text) painted: ${summary(floors, "ms", 1)}`);
    const presented = loads.map((load) => load.switchPresentedAt).filter((value): value is number => value !== null);
    if (presented.length > 0) log(`sidepanel: presented: ${summary(presented, "ms", 1)} (Element Timing renderTime)`);
    row("HTML parsed", (load) => load.domInteractive);
    row("switch painted (the figure)", (load) => load.switchPaintedAt);
    row("switch presented", (load) => load.switchPresentedAt);
    row("first-contentful-paint painted", (load) => load.fcpPaintedAt);
    row("script started", (load) => load.scriptStartedAt);
    row("rendered", (load) => load.renderedAt);
    const staticParsed = pairs.map((pair) => pair.floor.domInteractive).filter((value): value is number => value !== null);
    const started = loads.map((load) => load.scriptStartedAt).filter((value): value is number => value !== null);
    log(
      `sidepanel: the static copy's HTML parsed: ${summary(staticParsed, "ms", 1)}; the panel's script started: ${summary(started, "ms", 1)} (its one file, fetched from the extension after the HTML: the static copy has none)`,
    );
    const ratios = pairs.map((pair) => (pair.panel.switchPaintedAt as number) / (pair.floor.switchPaintedAt as number));
    return [
      { name: "sidepanel_first_paint_ms", value: percentile(values, 50), unit: "ms", budget: 100, decimals: 1, samples: values },
      {
        name: "sidepanel_paint_ratio",
        value: percentile(values, 50) / percentile(floors, 50),
        unit: "ratio",
        budget: 1.15,
        decimals: 2,
        samples: ratios,
      },
    ];
  },
};
