/**
 * SmartRecruiters traffic figures, against the sandbox with its real limits:
 * - api_calls_first_visit / api_calls_revisit: API requests for one candidate's first visit and a
 *   return to the same candidate (page reloaded), counted in the sandbox's request log.
 * - api_calls_unknown_candidate: API requests from opening the page of a candidate SmartRecruiters does
 *   not have (create-and-update on, the interview's job known from its title) to their rating's tag.
 * - rating_to_tag_p50_ms: from the click event on a rating (its timeStamp, in the page) to the sandbox receiving the
 *   tag write, both on this machine's clock; a context line splits it (page → background, outbox stored, first API
 *   call, tag write) with the background's own marks (lib/shared/timing.ts, test builds only).
 * - flush_rate_vs_limit (+ flush_429_count): 300 queued writes flushed; requests per second achieved
 *   divided by the 10 req/s limit, and how many 429s that cost.
 */
import type { Page } from "playwright-core";
import type { Environment } from "../../test/e2e/environment";
import { extensionUrl } from "../../test/e2e/extension";
import { readProtected, writeProtected } from "../../test/e2e/protected-storage";
import { SandboxControl } from "../../test/sandbox/control-client";
import type { BenchContext, Figure, Measurement } from "./lib/figure";
import { percentile, summary } from "./lib/stats";

const widget = (page: Page) => page.locator("srh-interview-widget");
const peopleParam = (people: object[]) => Buffer.from(JSON.stringify(people)).toString("base64url");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function apiCalls(env: Environment, control: SandboxControl, log: BenchContext["log"]): Promise<Measurement[]> {
  const stamp = Date.now();
  const person = { firstName: "Bench", lastName: `Visitor${stamp}`, email: `bench.${stamp}@example.com` };
  await control.addCandidate(person);
  await control.clearRequests();
  const page = await env.browser.context.newPage();
  await page.goto(env.roomUrl(`?rerender=0&people=${peopleParam([person])}`));
  await widget(page).getByRole("link", { name: "View in SmartRecruiters" }).waitFor({ timeout: 15_000 });
  await sleep(500);
  const first = (await control.requests()).length;
  await control.clearRequests();
  await page.reload();
  await widget(page).getByRole("link", { name: "View in SmartRecruiters" }).waitFor({ timeout: 15_000 });
  await sleep(500);
  const revisit = (await control.requests()).length;
  log(`sync: first visit ${first} request(s), revisit after a reload ${revisit}`);
  await page.close();
  return [
    { name: "api_calls_first_visit", value: first, unit: "count", budget: 3, decimals: 0 },
    { name: "api_calls_revisit", value: revisit, unit: "count", budget: 0, decimals: 0 },
  ];
}

async function setCreateAndUpdate(env: Environment, on: boolean): Promise<void> {
  const panel = await env.browser.context.newPage();
  await panel.goto(extensionUrl("sidepanel.html"));
  const toggle = panel.getByRole("switch", { name: "Create and update candidate profile in SmartRecruiters" });
  await (on ? toggle.check() : toggle.uncheck());
  await panel.close();
}

async function unknownCandidateCalls(
  env: Environment,
  control: SandboxControl,
  log: BenchContext["log"],
): Promise<Measurement[]> {
  await setCreateAndUpdate(env, true);
  const stamp = Date.now();
  const person = { firstName: "Bench", lastName: `Newcomer${stamp}`, email: `newcomer.${stamp}@example.com` };
  await control.clearRequests();
  const page = await env.browser.context.newPage();
  await page.goto(env.roomUrl(`?rerender=0&interview=CSR&people=${peopleParam([person])}`));
  // Opening the page only searches: the interviewer's rating creates them.
  await widget(page).getByText("your rating adds them", { exact: false }).waitFor({ timeout: 15_000 });
  await widget(page).getByRole("button", { name: "Yes", exact: true }).click();
  await widget(page).getByText("Saved to SmartRecruiters").waitFor();
  await sleep(500);
  const requests = await control.requests();
  const created = (await control.candidates()).filter((candidate) => candidate.email === person.email);
  log(
    `sync: unknown candidate, page to tag: ${requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/u, "{id}")}`).join(", ")} (${created.length} created, job ${created[0]?.applications?.[0]?.jobId ?? "none"})`,
  );
  await page.close();
  await setCreateAndUpdate(env, false);
  return [{ name: "api_calls_unknown_candidate", value: requests.length, unit: "count", budget: 6, decimals: 0 }];
}

/** A rating's way, each moment on this machine's clock (ms since the epoch). */
interface RatingWay {
  /** The click event's own timeStamp, in the page. */
  clicked: number;
  /** The background got the page's message (router), and had stored the rating in the outbox. */
  received: number;
  saved: number;
  /** The background's flush started, the rating's write started (tags read next), its first API call was sent. */
  flushStarted: number;
  writeStarted: number;
  callSent: number;
  /** The sandbox received the rating's first API call, and the tag write (POST or PUT …/tags). */
  firstCall: number;
  tagWrite: number;
}

/** Remembers, in the page, the time of every click the page sees (the widget's host, retargeted from its shadow root). */
function recordClicks(page: Page): Promise<void> {
  return page.evaluate(() => {
    const scope = window as unknown as { __benchClicks: number[] };
    scope.__benchClicks = [];
    window.addEventListener("click", (event) => scope.__benchClicks.push(performance.timeOrigin + event.timeStamp), true);
  });
}

/** The background's own marks (lib/shared/timing.ts, test builds only). */
function backgroundMarks(env: Environment): Promise<{ name: string; at: number }[]> {
  return env.browser.worker.evaluate(
    () => (globalThis as unknown as { __srhTimings?: { name: string; at: number }[] }).__srhTimings ?? [],
  );
}

const tagWritePath = /^\/candidates\/[^/]+\/tags\/?$/u;

async function ratingToTag(env: Environment, control: SandboxControl, log: BenchContext["log"]): Promise<Measurement[]> {
  const stamp = Date.now();
  const person = { firstName: "Bench", lastName: `Rater${stamp}`, email: `rater.${stamp}@example.com` };
  const { id } = await control.addCandidate(person);
  const page = await env.browser.context.newPage();
  await page.goto(env.roomUrl(`?rerender=0&interview=CSR&people=${peopleParam([person])}`));
  await widget(page).getByRole("link", { name: "View in SmartRecruiters" }).waitFor({ timeout: 15_000 });
  await recordClicks(page);
  const ways: RatingWay[] = [];
  for (let i = 0; i < 20; i += 1) {
    const rating = i % 2 === 0 ? "Yes" : "No";
    const tag = `hellohire - csr - ${rating.toLowerCase()}`;
    await control.clearRequests();
    await widget(page).getByRole("button", { name: rating, exact: true }).click();
    while (!(await control.tags(id)).includes(tag)) await sleep(20);
    await widget(page).getByText("Saved to SmartRecruiters").waitFor();
    const clicked = (await page.evaluate(() => (window as unknown as { __benchClicks: number[] }).__benchClicks.at(-1))) ?? 0;
    const marks = (await backgroundMarks(env)).filter((mark) => mark.at >= clicked);
    const calls = (await control.requests()).filter((request) => request.at >= Math.floor(clicked));
    ways.push({
      clicked,
      received: marks.find((mark) => mark.name === "rate-received")?.at ?? Number.NaN,
      saved: marks.find((mark) => mark.name === "outbox-saved")?.at ?? Number.NaN,
      flushStarted: marks.find((mark) => mark.name === "flush-started")?.at ?? Number.NaN,
      writeStarted: marks.find((mark) => mark.name === "write-started")?.at ?? Number.NaN,
      callSent: marks.find((mark) => mark.name === "call-sent")?.at ?? Number.NaN,
      firstCall: calls[0]?.at ?? Number.NaN,
      tagWrite: calls.find((request) => request.method !== "GET" && tagWritePath.test(request.path))?.at ?? Number.NaN,
    });
    await sleep(300); // stay clear of the 10 req/s limit: this figure is about latency, not throughput
  }
  const part = (from: keyof RatingWay, to: keyof RatingWay) => ways.map((way) => way[to] - way[from]);
  const total = part("clicked", "tagWrite");
  const median = (values: number[]) => percentile(values, 50).toFixed(1);
  log(
    `sync: rating to tag (click event to the sandbox receiving the tag write) over ${total.length}: ${summary(total, "ms", 1)}`,
  );
  log(
    `sync: rating to tag, medians of each part: page → background ${median(part("clicked", "received"))} ms, ` +
      `outbox stored ${median(part("received", "saved"))} ms, stored → flush ${median(part("saved", "flushStarted"))} ms, ` +
      `flush → write ${median(part("flushStarted", "writeStarted"))} ms, write → first API call sent ${median(part("writeStarted", "callSent"))} ms, ` +
      `sent → received ${median(part("callSent", "firstCall"))} ms, ` +
      `first API call → tag write received ${median(part("firstCall", "tagWrite"))} ms`,
  );
  await page.close();
  return [{ name: "rating_to_tag_p50_ms", value: percentile(total, 50), unit: "ms", budget: 50, decimals: 0, samples: total }];
}

async function flushRate(env: Environment, control: SandboxControl, log: BenchContext["log"]): Promise<Measurement[]> {
  const candidates = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      control.addCandidate({ firstName: "Flush", lastName: `Bench${i}`, email: `flush.${i}@example.com` }),
    ),
  );
  const now = Date.now();
  const outbox = candidates.flatMap((candidate, c) =>
    Array.from({ length: 10 }, (_, i) => ({
      id: `bench-${c}-${i}`,
      candidateId: candidate.id,
      interviewName: `Interview ${i}`,
      rating: "yes",
      createdAt: now + c * 10 + i,
      attempts: 0,
      nextAttemptAt: now,
      state: "pending",
    })),
  );
  await control.clearRequests();
  await writeProtected(env.browser.worker, "sync.outbox", outbox);
  await env.browser.worker.evaluate(async () => {
    type Api = { alarms: { create(n: string, o: object): Promise<void> } };
    const { chrome } = globalThis as unknown as { chrome: Api };
    await chrome.alarms.create("outbox-retry", { when: Date.now() });
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    const left = ((await readProtected<unknown[]>(env.browser.worker, "sync.outbox")) ?? []).length;
    if (left === 0 || Date.now() > deadline) break;
    await sleep(500);
  }
  const requests = await control.requests();
  const tooMany = requests.filter((request) => request.status === 429).length;
  const first = requests[0]?.at ?? 0;
  const last = requests.at(-1)?.at ?? 0;
  const rate = requests.length > 1 ? (requests.length - 1) / ((last - first) / 1000) : 0;
  const landed = (await Promise.all(candidates.map((candidate) => control.tags(candidate.id)))).flat().length;
  log(
    `sync: flushed ${landed} of 300 writes in ${((last - first) / 1000).toFixed(1)} s: ${requests.length} requests, ${rate.toFixed(2)} req/s, ${tooMany} × 429`,
  );
  return [
    { name: "flush_rate_vs_limit", value: rate / 10, unit: "ratio", budget: 0.95, decimals: 2, atLeast: true },
    { name: "flush_429_count", value: tooMany, unit: "count", budget: 0, decimals: 0 },
  ];
}

export const sync: Figure = {
  id: "sync",
  description: "API calls per candidate visit, rating-to-tag latency, outbox flush rate against the enforced limit",
  async run(context) {
    const env = await context.environment();
    const control = new SandboxControl(env.sandbox.url);
    await control.setModes({ rateLimits: true });
    return [
      ...(await apiCalls(env, control, context.log)),
      ...(await unknownCandidateCalls(env, control, context.log)),
      ...(await ratingToTag(env, control, context.log)),
      ...(await flushRate(env, control, context.log)),
    ];
  },
};
