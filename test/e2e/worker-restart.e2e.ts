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
   * Rates five candidates while SmartRecruiters is unreachable, stops the worker, brings
   * SmartRecruiters back, checks nothing is sent while the worker is stopped, wakes it with
   * `wake`, proves a new instance runs, and that it lands every queued rating exactly once.
   * Returns when the retry alarm was due at the stop, and when the new instance started.
   */
  async function stopMidQueueThenWake(
    wake: () => Promise<void>,
    quietMs: number,
  ): Promise<{ alarmAt: number; stoppedAt: number; startedAt: number }> {
    const rated = await rateWhileUnreachable();
    const candidatesBefore = (await env.control.candidates()).length;
    expect(await outboxLength()).toBe(rated.length);

    const mark = `instance-before-stop-${Date.now()}`;
    const old = await markWorkerInstance(env.browser.worker, mark);
    const alarmAt = await outboxAlarmTime();
    expect(alarmAt, "the old instance set no retry alarm").not.toBeNull();
    const stoppedAt = Date.now();
    await watch.stop();
    expect(watch.status()).toBe("stopped");

    // SmartRecruiters is back, but a stopped worker sends nothing.
    await env.control.setFaults({});
    await env.control.clearRequests();
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    expect(watch.status()).toBe("stopped");
    expect(await env.control.requests()).toEqual([]);

    const wokenAt = Date.now();
    await wake();
    await watch.waitFor("running", 60_000);
    const now = await workerInstance(env.browser.worker);
    expect(now.mark, "the old instance's globalThis survived: the worker was never stopped").toBeNull();
    expect(now.timeOrigin).toBeGreaterThan(stoppedAt);
    expect(now.timeOrigin).toBeGreaterThan(old.timeOrigin);
    const history = watch.history();
    expect(history.slice(-3).map((entry) => entry.status)).toEqual(["stopped", "starting", "running"]);

    await expectLandedOnce(rated, candidatesBefore, wokenAt);
    return { alarmAt: alarmAt as number, stoppedAt, startedAt: history.at(-2)?.at as number };
  }

  it("sends the queue once when a page wakes the new worker (the side panel asks for its status)", async () => {
    let panel: Page | undefined;
    const { alarmAt, startedAt } = await stopMidQueueThenWake(async () => {
      panel = await env.browser.context.newPage();
      await panel.goto(extensionUrl("sidepanel.html"));
    }, 1500);
    expect(startedAt, "the alarm, not the page, woke the worker").toBeLessThan(alarmAt);
    await panel?.close();
  }, 120_000);

  it("sends the queue once when only the outbox alarm wakes the new worker", async () => {
    // No page at all: the alarm the old instance set (30 s at most after its last try) starts the new one.
    const { alarmAt, stoppedAt, startedAt } = await stopMidQueueThenWake(() => Promise.resolve(), 3000);
    // Chromium may fire an alarm a little late, never early.
    expect(startedAt, "something woke the worker before its alarm").toBeGreaterThanOrEqual(alarmAt - 1000);
    console.log(
      `worker-restart: stopped ${((alarmAt - stoppedAt) / 1000).toFixed(1)} s before its alarm, restarted ${((startedAt - alarmAt) / 1000).toFixed(1)} s after it`,
    );
  }, 150_000);
});
