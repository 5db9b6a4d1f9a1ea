/**
 * sidepanel_first_paint_ms: from navigation start of the side panel page (sidepanel.html of the test
 * build, not connected) until its settings — the "SmartRecruiters integration" switch — are painted,
 * not the "Loading…" placeholder. Median of SAMPLES fresh loads (new tab each), after one warm-up load,
 * in a Chromium of its own (launchWithExtension). Fails when the switch does not show up.
 */
import type { Page } from "playwright-core";
import { extensionUrl, launchWithExtension } from "../../test/e2e/extension";
import { prepareBenchPage } from "./lib/browser";
import type { BenchContext, Figure } from "./lib/figure";
import { installPanelPaintProbe, type PanelPaint, readPanelPaint, switchLabel } from "./lib/page-paint";
import { percentile, sleep, summary } from "./lib/stats";

/** Counted loads (after the warm-up); at least 15. */
const samples = Math.max(15, Number(process.env.BENCH_PANEL_LOADS ?? 20));
const loadTimeoutMs = 10_000;

export interface PanelLoad extends PanelPaint {
  /** What the figure counts: elementAt (Element Timing, presented) if the browser gave it, else afterFrameAt. */
  paintedAt: number;
}

async function loadOnce(page: Page): Promise<PanelLoad> {
  await prepareBenchPage(page);
  await page.addInitScript(installPanelPaintProbe, switchLabel);
  await page.goto(extensionUrl("sidepanel.html"));
  const paint = await page.evaluate(readPanelPaint, loadTimeoutMs);
  const text = async () =>
    (await page.evaluate(() => (document.body.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 160)).catch(() => "?")) ||
    "(empty)";
  if (paint === null) throw new Error("the paint probe did not run in the side panel page (init script missing)");
  if (paint.switchAt === null || paint.afterFrameAt === null) {
    throw new Error(`no "${switchLabel}" switch within ${loadTimeoutMs} ms; the panel shows: ${await text()}`);
  }
  if (paint.visible !== true) throw new Error(`the "${switchLabel}" switch is in the DOM but not visible`);
  // The same check from outside, as the e2e tests read the panel.
  if (!(await page.getByRole("switch", { name: switchLabel }).isVisible())) {
    throw new Error(`getByRole("switch", { name: "${switchLabel}" }) is not visible; the panel shows: ${await text()}`);
  }
  return { ...paint, paintedAt: paint.elementAt ?? paint.afterFrameAt };
}

async function measure(log: BenchContext["log"]): Promise<PanelLoad[]> {
  const browser = await launchWithExtension();
  try {
    const loads: PanelLoad[] = [];
    for (let i = 0; i <= samples; i++) {
      const page = await browser.context.newPage();
      try {
        const load = await loadOnce(page);
        // The first load is the warm-up (the worker and the extension's code caches are cold).
        if (i > 0) loads.push(load);
        else log(`sidepanel: warm-up load ${load.paintedAt.toFixed(1)} ms (not counted)`);
      } finally {
        await page.close();
      }
      await sleep(100);
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
    const elementTimed = loads.every((load) => load.elementAt !== null);
    const values = loads.map((load) => (elementTimed ? (load.elementAt as number) : (load.afterFrameAt as number)));
    const fcpFirst = loads.filter((load) => load.fcpAt !== null && load.switchAt !== null && load.fcpAt < load.switchAt).length;
    const loadingFirst = loads.filter((load) => load.loadingAt !== null).length;
    log(
      `sidepanel: ${loads.length} fresh loads (new tab each, not connected), paint time from ${elementTimed ? "Element Timing (renderTime of the switch's label)" : "the first task after the first frame with the switch (no Element Timing)"}`,
    );
    const row = (label: string, pick: (load: PanelLoad) => number | null) =>
      log(`sidepanel: ${label.padEnd(28)} ${loads.map((load) => pick(load)?.toFixed(1) ?? "-").join(" ")}`);
    log(`sidepanel: painted: ${summary(values, "ms", 1)}`);
    row("painted (the figure)", (load) => (elementTimed ? load.elementAt : load.afterFrameAt));
    row("HTML parsed", (load) => load.domInteractive);
    row('"Loading…" in the DOM', (load) => load.loadingAt);
    row("switch in the DOM", (load) => load.switchAt);
    row("next animation frame", (load) => load.frameAt);
    row("first task after that frame", (load) => load.afterFrameAt);
    row("first-contentful-paint", (load) => load.fcpAt);
    log(
      `sidepanel: "Loading…" rendered first in ${loadingFirst}/${loads.length} loads; FCP before the switch existed in ${fcpFirst}/${loads.length} (so FCP is not the figure)`,
    );
    return [{ name: "sidepanel_first_paint_ms", value: percentile(values, 50), unit: "ms", budget: 100, decimals: 1 }];
  },
};
