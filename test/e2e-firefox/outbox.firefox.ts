import type { Page } from "puppeteer-core";
import { beforeEach, describe, expect, it } from "vitest";
import { roomPath } from "../e2e/environment";
import { peopleParam } from "../e2e/widget";
import type { RunningFixtureServer } from "../hellohire/server";
import type { SandboxControl } from "../sandbox/control-client";
import { useFirefoxEnvironment } from "./environment";
import type { FirefoxExtensionBrowser } from "./firefox";
import { canWriteFirefoxPolicy } from "./policy";
import { profileHref, ratingButton, widgetText } from "./widget";

/**
 * The outbox in Firefox, whose background is a page (Manifest V2) rather than a service worker: reloading it is what
 * Chromium's stopped worker is, a new instance with nothing in memory but what the outbox kept in IndexedDB.
 */

let hellohire: RunningFixtureServer;
let control: SandboxControl;
let firefox: FirefoxExtensionBrowser;

const ratings = ["Yes", "Maybe", "No"] as const;
const tagWrite = /^\/candidates\/([^/]+)\/tags\/?$/u;

interface Rated {
  id: string;
  tag: string;
  page: Page;
}

type BackgroundApi = { browser: { runtime: { getBackgroundPage(): Promise<Window & { __srhMark?: string }> } } };

/** Adds `count` people to SmartRecruiters and opens a room of its own for each, their link shown. */
async function openRooms(prefix: string, count: number): Promise<Rated[]> {
  const rooms: Rated[] = [];
  for (let index = 0; index < count; index += 1) {
    const person = { firstName: prefix, lastName: `Tester${index}`, email: `${prefix.toLowerCase()}.tester${index}@example.com` };
    const { id } = await control.addCandidate(person);
    const rating = ratings[index % ratings.length] as string;
    const page = await firefox.newPage();
    await page.goto(`${hellohire.url}${roomPath}?rerender=0&people=${peopleParam([person])}`);
    await expect.poll(() => profileHref(page), { timeout: 15_000 }).not.toBeNull();
    rooms.push({ id, tag: `hellohire - csr - ${rating.toLowerCase()}`, page });
  }
  return rooms;
}

async function rate(room: Rated): Promise<void> {
  const rating = ratings.find((name) => room.tag.endsWith(name.toLowerCase())) as string;
  await room.page.bringToFront();
  await (await ratingButton(room.page, rating)).click();
}

/** The background page's identity: a mark left on its window, and when its document started. */
function backgroundInstance(panel: Page): Promise<{ mark: string | null; timeOrigin: number }> {
  return panel.evaluate(async () => {
    const background = await (globalThis as unknown as BackgroundApi).browser.runtime.getBackgroundPage();
    return { mark: background.__srhMark ?? null, timeOrigin: background.performance.timeOrigin };
  });
}

/** Reloads the background page (from an extension page: the only place that can reach it) and waits for the new one. */
/** Reloads the background page; resolves with the new one's time origin, once it has started. */
async function reloadBackground(panel: Page): Promise<number> {
  const before = await panel.evaluate(async () => {
    const background = await (globalThis as unknown as BackgroundApi).browser.runtime.getBackgroundPage();
    background.__srhMark = "before-reload";
    const origin = background.performance.timeOrigin;
    background.location.reload();
    return origin;
  });
  await expect
    .poll(() => backgroundInstance(panel).catch(() => null), { timeout: 15_000 })
    .toEqual({ mark: null, timeOrigin: expect.any(Number) });
  const { timeOrigin } = await backgroundInstance(panel);
  expect(timeOrigin).toBeGreaterThan(before);
  return timeOrigin;
}

/** The ratings the outbox holds, read in an extension page from its IndexedDB (lib/shared/protected-item.ts). */
function outboxEntries(panel: Page): Promise<unknown[]> {
  return panel.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("protectedItems");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction("items").objectStore("items").get("sync.outbox");
          request.onsuccess = () => {
            resolve(Array.isArray(request.result) ? request.result : []);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Every rating is on its candidate exactly once, the outbox is empty, and no candidate was added. */
async function expectLandedOnce(rooms: Rated[], panel: Page, candidatesBefore: number): Promise<void> {
  try {
    for (const { id, tag } of rooms) await expect.poll(() => control.tags(id), { timeout: 45_000, interval: 250 }).toEqual([tag]);
  } catch (error) {
    // What was left, for whoever reads the failure: the outbox, and the sandbox's last requests.
    console.log("outbox left:", JSON.stringify(await outboxEntries(panel)));
    const log = (await control.requests()).slice(-40);
    console.log("last requests:", JSON.stringify(log.map((r) => [r.method, r.path, r.status, r.fault ?? "", r.at])));
    throw error;
  }
  await expect.poll(() => outboxEntries(panel), { timeout: 45_000 }).toEqual([]);
  expect((await control.candidates()).length).toBe(candidatesBefore);
}

describe.skipIf(!canWriteFirefoxPolicy())("Firefox: ratings survive the background page being reloaded mid-queue", () => {
  const environment = useFirefoxEnvironment();
  beforeEach(() => {
    ({ hellohire, control, firefox } = environment());
  });

  it("kept while SmartRecruiters cannot be reached, through a reload, then each sent once when it is back", async () => {
    // Two ratings: Firefox sends a request whose connection drops again and again (up to 10 times, its
    // network.http.request.max-attempts), so each try at an unreachable SmartRecruiters takes seconds (README.md).
    const rooms = await openRooms("Offline", 2);
    const candidatesBefore = (await control.candidates()).length;
    await control.setFaults({ dropRate: 1 });
    for (const room of rooms) {
      await rate(room);
      await expect.poll(() => widgetText(room.page), { timeout: 15_000 }).toContain("Queued:");
    }
    const panel = await firefox.openExtensionPage("sidepanel.html");
    expect(await outboxEntries(panel)).toHaveLength(rooms.length);

    // A new background page, still unable to reach SmartRecruiters: its start-up try fails, and nothing is lost.
    await reloadBackground(panel);
    expect(await outboxEntries(panel)).toHaveLength(rooms.length);

    // SmartRecruiters is back; the queue waits for its next retry, and the background page is reloaded again: the new
    // one sends what the old ones left, at its start, without waiting for their timers.
    // The log starts before SmartRecruiters is back: the old page's own retry may be the one that lands.
    await control.clearRequests();
    await control.setFaults({});
    await reloadBackground(panel);
    await expectLandedOnce(rooms, panel, candidatesBefore);
    const log = await control.requests();
    for (const { id } of rooms) {
      // One write applied; any other was refused or dropped before it was (429: the sandbox's rate limit, still
      // counting the attempts Firefox made while it was unreachable; 0: dropped just before SmartRecruiters came back).
      const writes = log.filter((request) => request.method !== "GET" && tagWrite.exec(request.path)?.[1] === id);
      const outcomes = writes.map((request) => `${request.method} ${request.status}`);
      expect(outcomes.filter((outcome) => outcome === "POST 200")).toEqual(["POST 200"]);
      expect(outcomes.filter((outcome) => !["POST 200", "POST 429", "POST 0"].includes(outcome))).toEqual([]);
    }
    // The rooms hear of it: each says saved.
    for (const room of rooms) await expect.poll(() => widgetText(room.page)).toContain("Saved to SmartRecruiters");
    await panel.close();
    for (const room of rooms) await room.page.close();
  }, 120_000);

  it("under 5xx, 429, slow and half-applied answers, reloaded twice while sending: each rating lands once", async () => {
    const rooms = await openRooms("Faulty", 6);
    const candidatesBefore = (await control.candidates()).length;
    const panel = await firefox.openExtensionPage("sidepanel.html");
    await control.setFaults({
      errorRate: 0.3,
      errorStatuses: [500, 502, 503, 429],
      latencyMs: 300,
      applyThenFailRate: 0.2,
      seed: 1515,
    });
    for (const room of rooms) await rate(room);
    // Mid-queue: writes are on the wire (300 ms each), some applied by SmartRecruiters with the answer lost. The second
    // reload comes once the first new page has sent something of its own.
    // The new page's requests are those that arrive after it started: its start-up flush may be before this poll.
    // What is left may all be waiting out its backoff (up to 4 s by the third try, longer after a 429's Retry-After): the
    // new page respects it, so this waits for that retry, not for a second.
    const newPageStarted = await reloadBackground(panel);
    await expect
      .poll(async () => (await control.requests()).some((request) => request.at >= newPageStarted), { timeout: 20_000 })
      .toBe(true);
    await reloadBackground(panel);
    await control.setFaults({});
    await expectLandedOnce(rooms, panel, candidatesBefore);
    // A rating clicked as the background page went away was sent again by its page (lib/content/send-again.ts).
    for (const room of rooms) await expect.poll(() => widgetText(room.page)).toContain("Saved to SmartRecruiters");
    const log = await control.requests();
    console.log(
      `firefox outbox: ${log.length} API requests, ${log.filter((r) => r.status >= 500).length} × 5xx, ${log.filter((r) => r.status === 429).length} × 429, ${log.filter((r) => r.fault?.startsWith("applied")).length} applied then failed`,
    );
    await panel.close();
    for (const room of rooms) await room.page.close();
  }, 120_000);
});
