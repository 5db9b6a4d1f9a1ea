/**
 * `npm run bench` (after the test build and `wxt zip`) or `tsx scripts/bench/run.ts [figure...]`: runs the benchmark
 * figures and prints one `BENCH <name> <value> <unit> budget=<budget>` line per figure, context lines,
 * and at the end `OVER BUDGET: <name>` for every figure over its budget. Exits 0 even then; 1 when a
 * figure could not be measured, 2 on an unknown figure.
 *
 * To add a figure: write scripts/bench/<id>.ts exporting a `Figure` and list it in `figures` below.
 */
import { availableParallelism, loadavg } from "node:os";
import type { Page } from "playwright-core";
import { type Environment, startEnvironment } from "../../test/e2e/environment";
import { contentCpu } from "./content-cpu";
import { hostRatio } from "./host-ratio";
import { inject } from "./inject";
import { openFixturePage, waitForWidget } from "./lib/browser";
import { type BenchContext, benchLine, type Figure, type Measurement, overBudget, spreadLine } from "./lib/figure";
import { waitForQuiet } from "./lib/quiet";
import { packageSize } from "./package";
import { semantic } from "./semantic";
import { sidepanel } from "./sidepanel";
import { size } from "./size";
import { sync } from "./sync";

export const figures: Figure[] = [size, packageSize, sidepanel, inject, semantic, contentCpu, hostRatio, sync];

function log(line: string): void {
  console.log(line.startsWith("BENCH") ? ` ${line}` : line);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("--list")) {
    log("usage: tsx scripts/bench/run.ts [figure...]   (default: all)");
    for (const figure of figures) log(`  ${figure.id.padEnd(12)} ${figure.description}`);
    return 0;
  }
  const unknown = args.filter((id) => !figures.some((figure) => figure.id === id));
  if (unknown.length > 0) {
    log(`unknown figure(s): ${unknown.join(", ")}; known: ${figures.map((figure) => figure.id).join(", ")}`);
    return 2;
  }
  const selected = args.length === 0 ? figures : figures.filter((figure) => args.includes(figure.id));

  const started = Date.now();
  const load = (when: string) => {
    const [one = 0] = loadavg();
    const cores = availableParallelism();
    log(
      `bench: load average ${one.toFixed(1)} on ${cores} cores ${when}${one > cores ? " (a busy machine: timings are slower and noisier)" : ""}`,
    );
  };
  load("at start");
  let environment: Promise<Environment> | null = null;
  const startEnv = async (): Promise<Environment> => {
    const t = Date.now();
    try {
      const env = await startEnvironment({ connect: true });
      log(`bench: sandbox ${env.sandbox.url}, fixtures ${env.hellohire.url}, extension connected (${Date.now() - t} ms)`);
      return env;
    } catch (error) {
      log(`bench: could not connect the extension to the sandbox (${String(error).split("\n")[0]}); measuring unconnected`);
      return startEnvironment({ connect: false });
    }
  };
  /** Each figure starts on a quiet machine (lib/quiet.ts): not while the last figure's browser is still closing. */
  const settle = async (before: string) => {
    const quiet = await waitForQuiet();
    if (quiet.busy !== null)
      log(
        `bench: ${(quiet.waitedMs / 1000).toFixed(1)} s for a quiet machine before ${before} (CPU ${(quiet.busy * 100).toFixed(0)}% busy)`,
      );
  };
  let widgetReported = false;
  const context: BenchContext = {
    log,
    environment() {
      environment ??= startEnv();
      return environment;
    },
    async openRoom(query: string): Promise<Page> {
      const env = await context.environment();
      const page = await openFixturePage(env.browser.context, env.roomUrl(query));
      const status = await waitForWidget(page);
      if (!widgetReported) {
        widgetReported = true;
        log(`bench: widget on the room page shows ${status === "link" ? "the SmartRecruiters link" : `"${status}"`}`);
      }
      // The shared browser may have just started (the first room opened starts it): its start-up is not ours to time.
      await settle("the room page");
      return page;
    },
  };

  const results: Measurement[] = [];
  let failed = false;
  try {
    for (const figure of selected) {
      await settle(figure.id);
      const t = Date.now();
      try {
        const measured = await figure.run(context);
        for (const measurement of measured) {
          console.log(benchLine(measurement));
          const spread = spreadLine(measurement);
          if (spread) log(spread);
        }
        results.push(...measured);
        log(`bench: ${figure.id} took ${((Date.now() - t) / 1000).toFixed(1)} s`);
      } catch (error) {
        failed = true;
        log(`bench: ${figure.id} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    if (environment !== null) {
      const env = await (environment as Promise<Environment>).catch(() => null);
      await env?.close().catch(() => undefined);
    }
  }
  load("at the end");
  log(`bench: total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const measurement of results) {
    if (overBudget(measurement)) console.log(`OVER BUDGET: ${measurement.name}`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
