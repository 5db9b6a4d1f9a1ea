import type { BrowserContext, CDPSession, Page, Worker } from "playwright-core";

/** DevTools' ServiceWorker.ServiceWorkerVersionRunningStatus. */
export type RunningStatus = "stopped" | "starting" | "running" | "stopping";

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: RunningStatus;
  status: string;
}

/**
 * Watches one service worker through the DevTools `ServiceWorker` domain, and stops it as Chromium
 * does when a worker goes idle.
 *
 * Why this way (Chromium 156, Playwright 1.65):
 * - `ServiceWorker.stopWorker` / `stopAllWorkers` work from a page's CDP session once
 *   `ServiceWorker.enable` has been sent ("ServiceWorker domain not enabled" otherwise).
 * - Playwright stays attached to the worker's DevTools target, so Chromium keeps that target (same
 *   targetId) for the next instance: no new `serviceworker` event fires on a restart, and the same
 *   Playwright `Worker` then evaluates in the new instance (an evaluate sent while the worker is
 *   stopped waits for it). Hence the proofs here: the version's runningStatus going through
 *   "stopped", and a mark on the old instance's globalThis being gone from the new one.
 * - `chrome.runtime.reload()` is not a stop: it replaces the version (the old one turns redundant).
 */
export interface ServiceWorkerWatch {
  /** The worker's runningStatus as DevTools last reported it. */
  status(): RunningStatus | undefined;
  /** Every runningStatus reported since the watch started (repeats dropped), with when it was reported. */
  history(): { status: RunningStatus; at: number }[];
  /** Stops the worker (however busy) and resolves once DevTools reports it stopped. */
  stop(): Promise<void>;
  waitFor(status: RunningStatus, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Watches the service worker whose script is `scriptUrl`, through a blank page of its own in `context`. */
export async function watchServiceWorker(context: BrowserContext, scriptUrl: string): Promise<ServiceWorkerWatch> {
  const page: Page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  let version: WorkerVersion | undefined;
  const seen: { status: RunningStatus; at: number }[] = [];
  const waiters = new Set<() => void>();

  cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    for (const update of versions) {
      if (update.scriptURL !== scriptUrl || update.status === "redundant") continue;
      version = update;
      if (seen.at(-1)?.status !== update.runningStatus) seen.push({ status: update.runningStatus, at: Date.now() });
    }
    for (const wake of waiters) wake();
  });
  await cdp.send("ServiceWorker.enable");

  const watch: ServiceWorkerWatch = {
    status: () => version?.runningStatus,
    history: () => [...seen],
    waitFor(status, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (version?.runningStatus !== status) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `The service worker did not reach "${status}" in ${timeoutMs} ms (seen: ${seen.map((entry) => entry.status).join(" → ")}).`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      await watch.waitFor("running");
      if (!version) throw new Error(`No service worker runs ${scriptUrl}.`);
      await cdp.send("ServiceWorker.stopWorker", { versionId: version.versionId });
      await watch.waitFor("stopped");
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
  return watch;
}

const markKey = "__srhTestInstanceMark";

/** What tells one worker instance from the next: a mark left on its globalThis, and its time origin. */
export interface WorkerInstance {
  mark: string | null;
  timeOrigin: number;
}

/** Leaves `mark` on the running instance's globalThis; returns that instance. Waits while the worker is stopped. */
export function markWorkerInstance(worker: Worker, mark: string): Promise<WorkerInstance> {
  return worker.evaluate(
    ([key, value]) => {
      (globalThis as Record<string, unknown>)[key] = value;
      return { mark: value, timeOrigin: performance.timeOrigin };
    },
    [markKey, mark] as const,
  );
}

/** The instance running now (an evaluate waits while the worker is stopped). */
export function workerInstance(worker: Worker): Promise<WorkerInstance> {
  return worker.evaluate((key) => {
    const mark = (globalThis as Record<string, unknown>)[key];
    return { mark: typeof mark === "string" ? mark : null, timeOrigin: performance.timeOrigin };
  }, markKey);
}
