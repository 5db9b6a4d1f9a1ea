import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCandidates } from "../shared/people";
import { type Environment, startEnvironment } from "./environment";
import { sandboxProfileUrl } from "./sandbox-endpoints";

let env: Environment;

interface FuzzReport {
  steps: number;
  mountedChecks: number;
  linkChecks: number;
  violations: string[];
}

/**
 * Runs in the page's main world: mutates the interview room at random as a React app and a live
 * interview would, and after each step (once our MutationObserver has run) checks that our widget
 * is either mounted once, right under the current candidate's name, and never showing another
 * candidate's link or rating, or absent when the page is not a readable one-on-one interview.
 */
function fuzzInPage(args: { seed: number; steps: number; profiles: Record<string, string> }): Promise<FuzzReport> {
  let state = args.seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const people = [
    { first: "Ann", last: "O'Neil", email: "ann.oneil@example.com" },
    { first: "José", last: "Álvarez-Núñez", email: "jose.alvarez@example.com" },
    { first: "Mary Jane", last: "van der Berg", email: "mj.vdberg@example.com" },
    { first: "Li", last: "Wei", email: "li.wei@example.com" },
    { first: "Sam", last: "Taylor", email: "" },
    { first: "<img src=x onerror=alert(1)>", last: "Smith", email: "hostile@example.com" },
  ];
  const q = (selector: string, root: ParentNode = document) => root.querySelector(selector);
  const room0 = q('[data-testid="interview-room"]') as Element;
  const roomParent = room0.parentElement as Element;
  const cardTemplate = (q('[data-testid="candidate-card"]') as Element).cloneNode(true) as Element;
  cardTemplate.querySelector("srh-interview-widget")?.remove();
  let detachedRoom: Element | null = null;
  let detachedCard: Element | null = null;
  const report: FuzzReport = { steps: 0, mountedChecks: 0, linkChecks: 0, violations: [] };

  const room = () => q('[data-testid="interview-room"]');
  const card = () => q('[data-testid="candidate-card"]');

  function setRow(cardElement: Element, label: string, value: string | null) {
    for (const row of cardElement.querySelectorAll('[data-testid="candidate-details"] > div')) {
      if ((row.querySelector("dt")?.textContent ?? "").trim().toLowerCase() !== label) continue;
      if (value === null) row.remove();
      else (row.querySelector("dd") as Element).textContent = value;
      return;
    }
    if (value === null) return;
    const row = document.createElement("div");
    const dt = document.createElement("dt");
    const dd = document.createElement("dd");
    dt.textContent = label === "email" ? "Email" : label;
    dd.textContent = value;
    row.append(dt, dd);
    cardElement.querySelector('[data-testid="candidate-details"]')?.append(row);
  }

  function cardFor(person: (typeof people)[number]): Element {
    const fresh = cardTemplate.cloneNode(true) as Element;
    (fresh.querySelector('[data-testid="candidate-name"]') as Element).textContent = `${person.first} ${person.last}`;
    setRow(fresh, "first name", person.first);
    setRow(fresh, "last name", person.last);
    setRow(fresh, "email", person.email || null);
    return fresh;
  }

  const mutations: (() => void)[] = [
    () => {
      const name = q('[data-testid="candidate-name"]');
      name?.replaceWith(name.cloneNode(true));
    },
    () => {
      const current = card();
      const fresh = cardFor(pick(people));
      if (current) current.replaceWith(fresh);
      else room()?.append(fresh);
    },
    () => {
      const current = card();
      if (current) {
        detachedCard = current;
        current.remove();
      } else if (detachedCard) room()?.append(detachedCard);
    },
    () => {
      const r = room();
      r?.setAttribute("data-format", r.getAttribute("data-format") === "group" ? "one-on-one" : "group");
    },
    () => {
      const r = room();
      if (r) {
        detachedRoom = r;
        r.remove();
      } else if (detachedRoom) roomParent.append(detachedRoom);
    },
    () => {
      const title = q('[data-testid="interview-title"]');
      if (title) title.textContent = pick(["CSR", "Sales  -  Night Shift", "CSR "]);
    },
    () => {
      const c = card();
      if (c) setRow(c, "first name", pick(people).first);
    },
    () => {
      const c = card();
      if (c) setRow(c, "email", pick(people).email || null);
    },
    () => {
      const stage = q('[data-testid="video-stage"]') ?? document.body;
      for (let i = 0; i < 20; i += 1) {
        const span = document.createElement("span");
        span.textContent = String(random());
        stage.append(span);
        span.remove();
      }
    },
    () => {
      const c = card();
      const r = room();
      if (c && r) r.prepend(c);
    },
  ];

  // Index into mutations: host re-renders and candidate changes are common, leaving the room rare.
  const weights = [4, 4, 1, 1, 1, 1, 2, 2, 4, 1];
  const weighted = mutations.flatMap((mutation, index) => Array<() => void>(weights[index] ?? 1).fill(mutation));

  function readable(): { anchor: Element; email: string; last: string } | null {
    const r = room();
    if (r?.getAttribute("data-format") !== "one-on-one") return null;
    const c = q('[data-testid="candidate-card"]', r);
    const anchor = c && q('[data-testid="candidate-name"]', c);
    const title = (q('[data-testid="interview-title"]', r)?.textContent ?? "").trim();
    if (!c || !anchor || !title) return null;
    const values: Record<string, string> = {};
    for (const row of c.querySelectorAll('[data-testid="candidate-details"] > div'))
      values[(row.querySelector("dt")?.textContent ?? "").trim().toLowerCase()] = (
        row.querySelector("dd")?.textContent ?? ""
      ).trim();
    if (!values["first name"] || !values["last name"]) return null;
    return { anchor, email: (values.email ?? "").toLowerCase(), last: values["last name"] };
  }

  function check(step: number) {
    const widgets = document.querySelectorAll("srh-interview-widget");
    const expected = readable();
    if (!expected) {
      if (widgets.length !== 0)
        report.violations.push(`step ${step}: ${widgets.length} widget(s) on a page that is not a readable interview`);
      return;
    }
    report.mountedChecks += 1;
    if (widgets.length !== 1 || expected.anchor.nextElementSibling !== widgets[0]) {
      report.violations.push(
        `step ${step}: ${widgets.length} widget(s), under the name: ${expected.anchor.nextElementSibling === widgets[0]}`,
      );
      return;
    }
    const shadow = (widgets[0] as Element).shadowRoot;
    const link = shadow?.querySelector("a");
    const pressed = shadow?.querySelectorAll('button[aria-pressed="true"]').length ?? 0;
    if (pressed) report.violations.push(`step ${step}: a rating shows as pressed on a candidate nobody rated`);
    if (link) {
      report.linkChecks += 1;
      const want = args.profiles[`${expected.email}|${expected.last}`];
      if (link.getAttribute("href") !== want)
        report.violations.push(
          `step ${step}: link ${link.getAttribute("href")} for ${expected.last}, expected ${want ?? "no link"}`,
        );
    }
  }

  return (async () => {
    for (let step = 0; step < args.steps; step += 1) {
      pick(weighted)();
      report.steps += 1;
      // Let mutation observers and message replies run; every 8th step give lookups time to land.
      await new Promise((resolve) => setTimeout(resolve, step % 8 === 0 ? 15 : 0));
      check(step);
    }
    return report;
  })();
}

describe("fuzz: the interview page mutated at random", () => {
  beforeAll(async () => {
    env = await startEnvironment();
  });

  afterAll(async () => {
    await env?.close();
  });

  it("keeps the widget either right for the current candidate or absent, over 3,000 random steps, with no page errors", async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 100_000);
    const page = await env.browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("dialog", (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      dialog.dismiss().catch(() => undefined);
    });
    await page.goto(env.roomUrl("?rerender=0&stageMs=0&chatMs=0"));
    await page.locator("srh-interview-widget").getByRole("link").waitFor();
    const profiles: Record<string, string> = {};
    for (const c of seedCandidates) profiles[`${c.email.toLowerCase()}|${c.lastName}`] = sandboxProfileUrl(env.sandbox, c.id);
    const report = await page.evaluate(fuzzInPage, { seed, steps: 3000, profiles });
    console.log(
      `fuzz seed ${seed}: ${report.steps} steps, ${report.mountedChecks} mounted checks, ${report.linkChecks} link checks`,
    );
    expect(report.violations.slice(0, 10), `seed ${seed} (rerun with FUZZ_SEED=${seed})`).toEqual([]);
    expect(errors).toEqual([]);
    expect(report.mountedChecks).toBeGreaterThan(300);
    // How many checks find the link depends on the seed (90–182 seen, seed 33512 the lowest): enough to check it.
    expect(report.linkChecks).toBeGreaterThan(50);
    await page.close();
  }, 180_000);
});
