import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import type { Environment } from "./environment";
import { extensionUrl } from "./extension";
import { readProtected } from "./protected-storage";
import { markWorkerInstance, type ServiceWorkerWatch, watchServiceWorker, workerInstance } from "./service-worker";
import { peopleParam, profileLink, ratingButton, useEnvironment, widget } from "./widget";

const ratings = ["Yes", "Maybe", "No"] as const;
const people = Array.from({ length: 5 }, (_, i) => ({
  firstName: "Restart",
  lastName: `Tester${i}`,
  email: `restart.tester${i}@example.com`,
  rating: ratings[i % ratings.length] as (typeof ratings)[number],
}));
const backgroundUrl = extensionUrl("background.js");
const tagWrite = /^\/candidates\/([^/]+)\/tags\/?$/u;

let env: Environment;

interface Rated {
  id: string;
  tag: string;
}

/** The durable outbox, read in the worker itself (an evaluate waits while the worker is stopped). */
async function outboxLength(): Promise<number> {
  return ((await readProtected<unknown[]>(env.browser.worker, "sync.outbox")) ?? []).length;
}

/** Removes the outbox's retry alarm, in the worker. */
function clearOutboxAlarm(): Promise<void> {
  return env.browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { alarms: { clear(name: string): Promise<boolean> } } };
    await chrome.alarms.clear("outbox-retry");
  });
}

/** When the outbox's retry alarm is due, read in the worker; null when none is set. */
function outboxAlarmTime(): Promise<number | null> {
  return env.browser.worker.evaluate(async () => {
    type Api = { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } };
    const { chrome } = globalThis as unknown as { chrome: Api };
    return (await chrome.alarms.get("outbox-retry"))?.scheduledTime ?? null;
  });
}

/**
 * Adds the people to SmartRecruiters, finds each on a Hellohire page of its own, then rates each
 * while SmartRecruiters cannot be reached: every rating waits in the outbox. Closes the pages, so
 * no page talks to the worker afterwards.
 */
async function rateWhileUnreachable(): Promise<Rated[]> {
  const rated: Rated[] = [];
  const pages: Page[] = [];
  for (const person of people) {
    const { id } = await env.control.addCandidate(person);
    rated.push({ id, tag: `hellohire - csr - ${person.rating.toLowerCase()}` });
    const page = await env.browser.context.newPage();
    await page.goto(env.roomUrl(`?rerender=0&people=${peopleParam([person])}`));
    await profileLink(page).waitFor();
    pages.push(page);
  }
  await env.control.setFaults({ dropRate: 1 });
  for (const [index, page] of pages.entries()) {
    const rating = people[index]?.rating as string;
    await page.bringToFront();
    await ratingButton(page, rating).click();
    await ratingButton(page, rating).and(page.locator("[aria-pressed=true]")).waitFor();
    await widget(page).getByText("could not be reached", { exact: false }).waitFor({ timeout: 15_000 });
  }
  for (const page of pages) await page.close();
  // The worker hears of each closed tab (tabs.onRemoved) and forgets its status: wait for that, so a
  // late event cannot wake the worker after it is stopped.
  await expect.poll(openTabStatuses, { timeout: 10_000 }).toBe(0);
  return rated;
}

/** How many tabs' page statuses the worker keeps (session storage, cleared on tabs.onRemoved). */
function openTabStatuses(): Promise<number> {
  return env.browser.worker.evaluate(async () => {
    type Session = { get(key: string): Promise<Record<string, Record<string, unknown> | undefined>> };
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: Session } } };
    return Object.keys((await chrome.storage.session.get("pages.status"))["pages.status"] ?? {}).length;
  });
}

/** Waits until SmartRecruiters holds exactly the rated tags, then checks each went out in one write. */
async function expectLandedOnce(rated: Rated[], candidatesBefore: number, since: number): Promise<void> {
  for (const { id, tag } of rated) {
    await expect.poll(() => env.control.tags(id), { timeout: 40_000, interval: 250 }).toEqual([tag]);
  }
  await expect.poll(outboxLength, { timeout: 10_000 }).toBe(0);
  const log = await env.control.requests();
  expect(log.filter((request) => request.at < since)).toEqual([]);
  expect(log.filter((request) => request.method === "POST" && request.path.replace(/\/+$/u, "") === "/candidates")).toEqual([]);
  for (const { id } of rated) {
    const writes = log.filter((request) => request.method !== "GET" && tagWrite.exec(request.path)?.[1] === id);
    expect(writes.map((request) => `${request.method} ${request.status}`)).toEqual(["POST 200"]);
  }
  expect((await env.control.candidates()).length).toBe(candidatesBefore);
}

describe("ratings survive the service worker being stopped mid-queue", () => {
  const environment = useEnvironment();
  let watch: ServiceWorkerWatch;

  beforeEach(async () => {
    env = environment();
    watch = await watchServiceWorker(env.browser.context, backgroundUrl);
    return () => watch.close();
  });

  /**
   * Rates five candidates while SmartRecruiters is unreachable, waits until the outbox's retry alarm is
   * `aheadMs` away (its backoff grows with each failed try), then stops the worker at once (with `clearAlarm`, after
   * removing that alarm, so that only a page can wake it), and brings SmartRecruiters back.
   */
  async function stopMidQueue(options: { aheadMs: number; clearAlarm: boolean }) {
    const rated = await rateWhileUnreachable();
    const candidatesBefore = (await env.control.candidates()).length;
    expect(await outboxLength()).toBe(rated.length);
    await expect
      .poll(async () => ((await outboxAlarmTime()) ?? 0) - Date.now(), { timeout: 20_000, interval: 100 })
      .toBeGreaterThanOrEqual(options.aheadMs);
    const mark = `instance-before-stop-${Date.now()}`;
    const old = await markWorkerInstance(env.browser.worker, mark);
    const alarmAt = (await outboxAlarmTime()) as number;
    if (options.clearAlarm) await clearOutboxAlarm();
    const stoppedAt = Date.now();
    await watch.stop();
    expect(watch.status()).toBe("stopped");
    // SmartRecruiters is back, but a stopped worker sends nothing.
    await env.control.setFaults({});
    await env.control.clearRequests();
    return { rated, candidatesBefore, old, alarmAt, stoppedAt };
  }

  /** Proves a new instance runs (the old one's mark gone, a later time origin) and lands every rating exactly once. */
  async function expectNewInstanceLandsQueue(stopped: Awaited<ReturnType<typeof stopMidQueue>>, wokenAt: number) {
    await watch.waitFor("running", 30_000);
    const now = await workerInstance(env.browser.worker);
    expect(now.mark, "the old instance's globalThis survived: the worker was never stopped").toBeNull();
    expect(now.timeOrigin).toBeGreaterThan(stopped.stoppedAt);
    expect(now.timeOrigin).toBeGreaterThan(stopped.old.timeOrigin);
    const history = watch.history();
    expect(history.slice(-3).map((entry) => entry.status)).toEqual(["stopped", "starting", "running"]);
    await expectLandedOnce(stopped.rated, stopped.candidatesBefore, wokenAt);
    return { startedAt: history.at(-2)?.at as number };
  }

  it("sends the queue once when a page wakes the new worker (the side panel asks for its status)", async () => {
    const stopped = await stopMidQueue({ aheadMs: 1_000, clearAlarm: true });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(watch.status()).toBe("stopped");
    expect(await env.control.requests()).toEqual([]);

    const wokenAt = Date.now();
    const panel = await env.browser.context.newPage();
    await panel.goto(extensionUrl("sidepanel.html"));
    await expectNewInstanceLandsQueue(stopped, wokenAt);
    await panel.close();
  }, 90_000);

  it("sends the queue once when only the outbox alarm the old worker set wakes the new one", async () => {
    // No page at all. An unpacked extension's alarm fires when asked (lib/background/outbox-wake.ts): the retry's own
    // time, a few seconds ahead, rather than the 30 s Chrome holds an installed extension's to.
    const stopped = await stopMidQueue({ aheadMs: 1_500, clearAlarm: false });
    const { startedAt } = await expectNewInstanceLandsQueue(stopped, stopped.stoppedAt);
    // Nothing went out while the worker was stopped: every request came from the new instance.
    expect((await env.control.requests()).filter((request) => request.at < startedAt)).toEqual([]);
    // Chromium may fire an alarm a little late, never early.
    expect(startedAt, "something woke the worker before its alarm").toBeGreaterThanOrEqual(stopped.alarmAt - 1000);
    console.log(
      `worker-restart: stopped ${((stopped.alarmAt - stopped.stoppedAt) / 1000).toFixed(1)} s before its alarm, restarted ${((startedAt - stopped.alarmAt) / 1000).toFixed(1)} s after it`,
    );
  }, 90_000);
});
