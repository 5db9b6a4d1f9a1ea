import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import {
  deriveOverride,
  deriveSelector,
  escapeAttributeValue,
  isReadableClass,
  looksGenerated,
  type SetupPicks,
} from "./derive-selector";
import { applyMarkupOverride, maxSelectorLength } from "./markup-override";
import { readPage } from "./read-page";

const $ = (selector: string): Element => {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`test page lacks ${selector}`);
  return element;
};

/** The picks, found in the test page by the `data-pick` marker each layout puts on them, then removed from the page. */
function picks(): SetupPicks {
  const optional = (name: string) => document.querySelector(`[data-pick="${name}"]`);
  const found = {
    name: $('[data-pick="name"]'),
    firstName: $('[data-pick="first"]'),
    lastName: $('[data-pick="last"]'),
    email: optional("email"),
    interviewTitle: $('[data-pick="title"]'),
    jobTitle: optional("job"),
  };
  unmark();
  return found;
}

/** The page with the markers gone, as a real page has it. */
function unmark() {
  for (const element of document.querySelectorAll("[data-pick]")) element.removeAttribute("data-pick");
}

function derive() {
  const result = deriveOverride(picks());
  if (!result.ok) throw new Error(`no override: ${result.problem}`);
  return result.override;
}

function markupOf(override: unknown) {
  const applied = applyMarkupOverride(override);
  if (!applied.ok) throw new Error(applied.problems.join("; "));
  return applied.markup;
}

function reading(override: unknown) {
  const read = readPage(document, markupOf(override));
  if (read.kind !== "one-on-one") throw new Error(`read ${JSON.stringify(read)}`);
  return {
    interviewName: read.interviewName,
    jobTitle: read.jobTitle,
    candidate: read.candidate,
    anchorText: read.anchor.textContent,
  };
}

/** Hashed class names as CSS modules / styled-components / emotion make them, different on each build. */
const hashedLayout = (seed: string, first: string, last: string, email: string) => `
  <div class="App_app__${seed}1">
    <nav class="sc-${seed}Xy">Menu</nav>
    <main class="Layout_main__${seed}9z" data-region="interview">
      <h1 class="css-${seed}4k2j" data-pick="title">Customer Support — round 1</h1>
      <p class="Job_job__${seed}7q" data-pick="job">Support Agent</p>
      <section class="Card_card__${seed}2b" data-panel="candidate">
        <h2 class="Card_name__${seed}x8f2a" data-pick="name">${first} ${last}</h2>
        <div class="Row_row__${seed}1"><span class="Row_label__${seed}2">First name</span><span class="Row_value__${seed}3" data-pick="first">${first}</span></div>
        <div class="Row_row__${seed}1"><span class="Row_label__${seed}2">Last name</span><span class="Row_value__${seed}3" data-pick="last">${last}</span></div>
        <div class="Row_row__${seed}1"><span class="Row_label__${seed}2">Email</span><span class="Row_value__${seed}3" data-pick="email"><a href="mailto:${email}">${email}</a></span></div>
      </section>
    </main>
  </div>`;

describe("deriveSelector", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it.each([
    ['<h2 class="Card_name__x8f2a" data-testid="candidate-name">Ann</h2>', '[data-testid="candidate-name"]'],
    ['<span class="css-1x2y3z" aria-label="First name">Ann</span>', '[aria-label="First name"]'],
    ['<div class="sc-bdVaJa" role="heading">Ann</div>', '[role="heading"]'],
    ['<section class="_card_x8f2a" id="candidate">Ann</section>', "#candidate"],
    ['<span class="KxYzAb jsx-2911" itemprop="givenName">Ann</span>', '[itemprop="givenName"]'],
  ])("prefers a stable attribute to a hashed class: %s", (html, expected) => {
    document.body.innerHTML = `<div><p class="other">x</p>${html}<p>${html}</p></div>`;
    const element = $("div > :nth-child(2)");
    expect(deriveSelector(element, document.body)).toBe(expected);
  });

  it("never uses a hashed or utility class, even when it alone would do", () => {
    document.body.innerHTML = `<div><span class="text-lg">a</span><span class="Card_name__x8f2a p-4 md:flex bg-[#fff] sc-bdVaJa">Ann</span></div>`;
    const selector = deriveSelector($(".sc-bdVaJa"), document.body);
    expect(selector).toBe("span:nth-of-type(2)");
  });

  it("uses a readable class over a position", () => {
    document.body.innerHTML = `<div><span>a</span><span class="candidate-name flex">Ann</span></div>`;
    expect(deriveSelector($(".candidate-name"), document.body)).toBe(".candidate-name");
  });

  it("does not use an id with digits, nor a framework's hash attribute", () => {
    document.body.innerHTML = `<div><span>a</span><span id="name-123" data-v-1a2b3c="">Ann</span><span id="r1">b</span></div>`;
    expect(deriveSelector($('[id="name-123"]'), document.body)).toBe("span:nth-of-type(2)");
    expect(deriveSelector($('[id="r1"]'), document.body)).toBe("span:nth-of-type(3)");
  });

  it("does not use a data value that looks generated or carries the element's own text; its presence may do", () => {
    document.body.innerHTML = `<div><span>a</span><span data-candidate="ann-oneil">Ann O'Neil</span><i data-key="9f8e7d6c">b</i></div>`;
    expect(deriveSelector($("[data-candidate]"), document.body)).toBe("[data-candidate]");
    expect(deriveSelector($("[data-key]"), document.body)).toBe("[data-key]");
  });

  it("goes through a label's stable attribute to a value that has none", () => {
    document.body.innerHTML = `<div><span data-field="first">First name</span><span class="_v_x1">Ann</span>
      <span data-field="last">Last name</span><span class="_v_x1">O'Neil</span></div>`;
    expect(deriveSelector($('[data-field="last"] + span'), document.body)).toBe('[data-field="last"] + span');
  });

  it("chains an ancestor's stable attribute when the element alone is not first", () => {
    document.body.innerHTML = `<div data-part="header"><h2>Menu</h2></div><div data-part="candidate"><h2 class="_n_x8">Ann</h2></div>`;
    expect(deriveSelector($('[data-part="candidate"] h2'), document.body)).toBe('[data-part="candidate"] h2');
  });

  it("answers a selector that the scope's querySelector answers with the element first", () => {
    document.body.innerHTML = hashedLayout("a", "Ann", "O'Neil", "ann@example.com");
    for (const element of document.querySelectorAll("main *")) {
      const selector = deriveSelector(element, document.body);
      expect(selector, element.outerHTML).not.toBeNull();
      expect(document.body.querySelector(selector ?? "")).toBe(element);
    }
  });

  it("answers null for an element outside the scope or the scope itself", () => {
    document.body.innerHTML = "<div><span>a</span></div><p>b</p>";
    expect(deriveSelector($("p"), $("div"))).toBeNull();
    expect(deriveSelector($("div"), $("div"))).toBeNull();
  });
});

describe("deriveOverride", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("gives selectors that pass the override's validation and read the picked person", () => {
    document.body.innerHTML = hashedLayout("a", "Ann", "O'Neil", "ann.oneil@example.com");
    const override = derive();
    expect(Object.keys(override.selectors).sort()).toEqual(
      [
        "candidateCard",
        "candidateName",
        "emailValue",
        "firstNameValue",
        "interviewTitle",
        "jobTitle",
        "lastNameValue",
        "oneOnOneRoom",
        "room",
      ].sort(),
    );
    for (const selector of Object.values(override.selectors)) expect(selector.length).toBeLessThanOrEqual(maxSelectorLength);
    expect(override.selectors.room).toBe('[data-region="interview"]');
    expect(override.selectors.candidateCard).toBe('[data-panel="candidate"]');
    expect(JSON.stringify(override)).not.toMatch(/__|css-|sc-|data-pick|Ann|ann/u);
    unmark();
    expect(reading(override)).toEqual({
      interviewName: "Customer Support — round 1",
      jobTitle: "Support Agent",
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
      anchorText: "Ann O'Neil",
    });
  });

  it("still reads after the page re-renders with new hashed classes and another candidate", () => {
    document.body.innerHTML = hashedLayout("a", "Ann", "O'Neil", "ann.oneil@example.com");
    const override = derive();
    document.body.innerHTML = hashedLayout("Qz", "Émile", "Zola-Durand", "emile@example.fr");
    unmark();
    expect(reading(override).candidate).toEqual({ firstName: "Émile", lastName: "Zola-Durand", email: "emile@example.fr" });
    expect(reading(override).anchorText).toBe("Émile Zola-Durand");
  });

  it("falls back to positions on utility-class-only markup, and still reads after a re-render", () => {
    const page = (first: string, last: string, email: string) => `
      <div class="flex min-h-screen bg-[#0b0b0f] text-white">
        <aside class="w-64 p-4 hidden md:block"><div class="text-sm">Up next</div><div class="text-sm">Bo Li</div></aside>
        <div class="flex-1 p-6">
          <div class="text-2xl font-bold" data-pick="title">Design review</div>
          <div class="mt-4 rounded-lg border p-4 shadow">
            <div class="text-xl font-semibold" data-pick="name">${first} ${last}</div>
            <div class="grid grid-cols-2 gap-2">
              <div class="text-gray-400">Given</div><div class="font-medium" data-pick="first">${first}</div>
              <div class="text-gray-400">Family</div><div class="font-medium" data-pick="last">${last}</div>
              <div class="text-gray-400">Mail</div><div class="font-medium" data-pick="email">${email}</div>
            </div>
          </div>
        </div>
      </div>`;
    document.body.innerHTML = page("Ann", "O'Neil", "ann@example.com");
    const override = derive();
    expect(JSON.stringify(override)).toMatch(/nth-of-type/u);
    expect(JSON.stringify(override)).not.toMatch(/\.(flex|p-|text-|font-|grid|mt-|rounded|border|shadow|bg-|w-)/u);
    unmark();
    expect(reading(override).candidate).toEqual({ firstName: "Ann", lastName: "O'Neil", email: "ann@example.com" });
    document.body.innerHTML = page("Chloé", "Martin", "chloe@example.com");
    unmark();
    expect(reading(override)).toEqual({
      interviewName: "Design review",
      jobTitle: null,
      candidate: { firstName: "Chloé", lastName: "Martin", email: "chloe@example.com" },
      anchorText: "Chloé Martin",
    });
  });

  it("uses body as the room when the picks only share it", () => {
    document.body.innerHTML = `<h1 data-pick="title">Sales call</h1>
      <article><h2 data-pick="name">Ann O'Neil</h2><p><b data-pick="first">Ann</b> <b data-pick="last">O'Neil</b></p></article>`;
    const override = derive();
    expect(override.selectors.room).toBe("body");
    expect(override.selectors.oneOnOneRoom).toBe("body");
    expect(override.selectors.emailValue).toBeUndefined();
    expect(override.selectors.jobTitle).toBeUndefined();
    unmark();
    expect(reading(override).candidate).toEqual({ firstName: "Ann", lastName: "O'Neil", email: null });
  });

  it("takes the card above the name when the values are inside the name", () => {
    document.body.innerHTML = `<main><h1 data-pick="title">Sales call</h1>
      <div><h2 data-pick="name"><span data-pick="first">Ann</span> <span data-pick="last">O'Neil</span></h2></div></main>`;
    const override = derive();
    unmark();
    expect(reading(override)).toMatchObject({ candidate: { firstName: "Ann", lastName: "O'Neil" }, anchorText: "Ann O'Neil" });
  });

  it("does not name attribute values that carry the candidate's name or email", () => {
    document.body.innerHTML = `<main data-room="call"><h1 data-pick="title">Call</h1>
      <div data-person="ann-oneil"><h2 data-pick="name" aria-label="Ann O'Neil">Ann O'Neil</h2>
        <span data-pick="first" title="x">Ann</span><span data-pick="last">O'Neil</span>
        <a data-pick="email" data-email="ann@example.com" href="mailto:ann@example.com">ann@example.com</a></div></main>`;
    const override = derive();
    expect(JSON.stringify(override)).not.toMatch(/ann|neil/iu);
    expect(override.selectors.candidateCard).toBe("[data-person]");
    expect(override.selectors.emailValue).toBe("[data-email]");
  });

  it("refuses the same element picked twice", () => {
    document.body.innerHTML = hashedLayout("a", "Ann", "O'Neil", "ann@example.com");
    const picked = picks();
    expect(deriveOverride({ ...picked, lastName: picked.firstName })).toEqual({ ok: false, problem: "same-element" });
  });

  it("refuses picks that are not in one document", () => {
    document.body.innerHTML = hashedLayout("a", "Ann", "O'Neil", "ann@example.com");
    const other = document.implementation.createHTMLDocument("other");
    other.body.innerHTML = "<h1>Elsewhere</h1>";
    expect(deriveOverride({ ...picks(), interviewTitle: other.body.firstElementChild ?? other.body })).toEqual({
      ok: false,
      problem: "no-selector",
    });
  });
});

describe("on the set-up fixture (test/hellohire/app/setup/unlabelled.html)", () => {
  it("derives an override that reads the picked person, then the next one", () => {
    const file = join(__dirname, "../../test/hellohire/app/setup/unlabelled.html");
    const page = new DOMParser().parseFromString(readFileSync(file, "utf8"), "text/html");
    const at = (selector: string) => {
      const element = page.querySelector(selector);
      if (!element) throw new Error(`fixture lacks ${selector}`);
      return element;
    };
    const result = deriveOverride({
      name: at('[data-role="participant-name"]'),
      firstName: at('[data-role="participant"] > div:nth-child(2) > span'),
      lastName: at('[data-role="participant"] > div:nth-child(3) > span'),
      email: at('[data-role="participant"] > div:nth-child(4) > span'),
      interviewTitle: at('[data-role="session-title"]'),
      jobTitle: at('[data-role="session-job"]'),
    });
    if (!result.ok) throw new Error(result.problem);
    const markup = markupOf(result.override);
    expect(readPage(page, markup)).toMatchObject({
      kind: "one-on-one",
      interviewName: "CSR",
      jobTitle: "Customer Service Representative",
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
    const card = at('[data-role="participant"]');
    card.innerHTML = card.innerHTML
      .replaceAll("Ann O'Neil", "Bo Li")
      .replace(">Ann<", ">Bo<")
      .replace(">O'Neil<", ">Li<")
      .replace("ann.oneil@example.com", "bo.li@example.com")
      .replaceAll(/Gg\d\w/gu, "Zz0q");
    expect(readPage(page, markup)).toMatchObject({ candidate: { firstName: "Bo", lastName: "Li", email: "bo.li@example.com" } });
  });
});

describe("the cues", () => {
  it("tells readable classes from hashed and utility ones", () => {
    for (const name of ["candidate-card", "name", "CandidateName", "card__title"]) expect(isReadableClass(name), name).toBe(true);
    for (const name of [
      "_card_x8f2a",
      "css-1x2y3z",
      "sc-abc123",
      "sc-bdVaJa",
      "p-4",
      "text-lg",
      "md:flex",
      "bg-[#fff]",
      "flex",
      "hidden",
    ])
      expect(isReadableClass(name), name).toBe(false);
  });

  it("tells generated values from named ones", () => {
    for (const value of ["9f8e7d6c", "c0a8012e-44f1-4b5b-9d8b-0f6e2e1f3a55", "user-12345", ":r1a2b:"])
      expect(looksGenerated(value), value).toBe(true);
    for (const value of ["candidate-name", "first", "interviewTitle", "row-2"]) expect(looksGenerated(value), value).toBe(false);
  });

  it("escapes values for a double-quoted attribute selector", () => {
    expect(escapeAttributeValue('say "hi" \\ now')).toBe('say \\"hi\\" \\\\ now');
    expect(escapeAttributeValue("a\nb")).toBe("a\\a b");
  });
});
