import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { readByMeaning } from "./read-by-meaning";
import { jobTitleMaxLength, type PageReading } from "./read-page";

const pagesDir = join(__dirname, "../../test/hellohire/pages");
const layoutsDir = join(__dirname, "../../test/hellohire/app/layouts");

function load(path: string): Document {
  return new DOMParser().parseFromString(readFileSync(path, "utf8"), "text/html");
}

function page(body: string, title = "CSR | Hellohire"): Document {
  document.title = title;
  document.body.innerHTML = body;
  return document;
}

/** A one-on-one reading, or a failed expectation naming what was read instead. */
function oneOnOne(reading: PageReading) {
  if (reading.kind !== "one-on-one") throw new Error(`expected a one-on-one reading, got ${reading.kind}`);
  return reading;
}

const annCard = (details: string, name = "<h2>Ann O'Neil</h2>") =>
  `<main><h1>CSR</h1><section class="card">${name}${details}</section></main>`;

describe("readByMeaning: label/value structures", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("reads dl/dt/dd rows, the email from a mailto: link, the heading as anchor and the main heading as interview", () => {
    const doc = page(
      annCard(`<dl><div><dt>First name</dt><dd>Ann</dd></div><div><dt>Last name</dt><dd>O'Neil</dd></div>
        <div><dt>Email</dt><dd><a href="mailto:ann.oneil@example.com">Write to Ann</a></dd></div></dl>`),
    );
    const reading = oneOnOne(readByMeaning(doc));
    expect(reading).toMatchObject({
      reader: "meaning",
      interviewName: "CSR",
      jobTitle: null,
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
    expect(reading.anchor.tagName).toBe("H2");
    expect(reading.region).toBe(doc.querySelector(".card"));
    expect(reading.title).toBe(doc.querySelector("h1"));
    expect(reading.room).toBe(doc.querySelector("main"));
  });

  it("reads table rows, th/td and td/td", () => {
    const doc = page(
      annCard(`<table><tr><th>First name</th><td>Ann</td></tr><tr><td>Surname</td><td>O'Neil</td></tr>
        <tr><th>E-mail address</th><td>ann.oneil@example.com</td></tr></table>`),
    );
    expect(readByMeaning(doc)).toMatchObject({
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
  });

  it("reads a table with column headers and a single data row", () => {
    const doc = page(
      annCard(`<table><thead><tr><th>First name</th><th>Last name</th><th>Email</th></tr></thead>
        <tbody><tr><td>Ann</td><td>O'Neil</td><td>ann.oneil@example.com</td></tr></tbody></table>`),
    );
    expect(readByMeaning(doc)).toMatchObject({ candidate: { firstName: "Ann", lastName: "O'Neil" } });
  });

  it("reads sibling elements, wrappers with the value first, and other wordings with a Candidate prefix", () => {
    const doc = page(
      annCard(`<div class="grid"><span>Candidate's given name:</span><span>Ann</span></div>
        <div class="pair"><b>O'Neil</b><small>FAMILY NAME</small></div>
        <div><span class="k">Candidate email *</span><div class="v"><span>ann.oneil@example.com</span></div></div>`),
    );
    expect(readByMeaning(doc)).toMatchObject({
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
  });

  it("reads a label text followed by its value in the same element", () => {
    const doc = page(annCard("<p>First name: <b>Ann</b></p><p>Last name: <b>O'Neil</b></p>"));
    expect(readByMeaning(doc)).toMatchObject({ candidate: { firstName: "Ann", lastName: "O'Neil", email: null } });
  });

  it("reads aria-labelledby and aria-label values", () => {
    const doc = page(
      annCard(`<div class="labels"><span id="l-first">First name</span><span id="l-last">Last name</span></div>
        <div class="values"><span aria-labelledby="l-first">Ann</span><span aria-labelledby="l-last">O'Neil</span>
        <span aria-label="Email">ann.oneil@example.com</span></div>`),
    );
    expect(readByMeaning(doc)).toMatchObject({
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
  });

  it("reads <label for> pointing at text and at read-only inputs and outputs", () => {
    const doc = page(
      annCard(`<label for="f">First name</label><span id="f">Ann</span>
        <label for="l">Last name</label><input id="l" readonly value="O'Neil">
        <label for="e">Email</label><output id="e">ann.oneil@example.com</output>`),
    );
    expect(readByMeaning(doc)).toMatchObject({
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
  });

  it("treats custom elements like any element", () => {
    const doc = page(`<main><x-page-title>CSR</x-page-title><h1>Interview: CSR</h1><hh-card>
      <hh-heading role="heading" aria-level="2">Ann O'Neil</hh-heading>
      <hh-field><hh-label>First name</hh-label><hh-value>Ann</hh-value></hh-field>
      <hh-field><hh-label>Last name</hh-label><hh-value>O'Neil</hh-value></hh-field></hh-card></main>`);
    const reading = oneOnOne(readByMeaning(doc));
    expect(reading.anchor.tagName).toBe("HH-HEADING");
    expect(reading.interviewName).toBe("Interview: CSR");
  });

  it("keeps the email null when the email field holds no address", () => {
    const doc = page(
      annCard("<dl><dt>First name</dt><dd>Ann</dd><dt>Last name</dt><dd>O'Neil</dd><dt>Email</dt><dd>hidden by policy</dd></dl>"),
    );
    expect(readByMeaning(doc)).toMatchObject({ candidate: { firstName: "Ann", lastName: "O'Neil", email: null } });
  });

  it("reads a labelled job title in the room, cut like the table's", () => {
    const doc = page(`<main><h1>CSR</h1><p><span>Applying for</span><span>Customer  Service Rep</span></p>
      ${annCard("<dl><dt>First name</dt><dd>Ann</dd><dt>Last name</dt><dd>O'Neil</dd></dl>").slice(10, -7)}</main>`);
    expect(readByMeaning(doc)).toMatchObject({ jobTitle: "Customer Service Rep" });
    const long = page(
      annCard(
        `<dl><dt>First name</dt><dd>Ann</dd><dt>Last name</dt><dd>O'Neil</dd><dt>Job title</dt><dd>${"J".repeat(400)}</dd></dl>`,
      ),
    );
    expect(oneOnOne(readByMeaning(long)).jobTitle).toHaveLength(jobTitleMaxLength);
  });
});

describe("readByMeaning: the name element and the interview name", () => {
  const details = "<dl><dt>First name</dt><dd>Ann</dd><dt>Last name</dt><dd>O'Neil</dd></dl>";

  it("prefers the heading nearest the fields over the same name elsewhere (a video tile, the chat)", () => {
    const doc = page(`<main><h1>CSR</h1><div class="stage"><span class="tile">Ann O'Neil</span><h3>Ann O'Neil</h3></div>
      <aside><section class="card"><h2>Ann O'Neil</h2>${details}</section></aside></main>`);
    expect(oneOnOne(readByMeaning(doc)).anchor).toBe(doc.querySelector(".card h2"));
  });

  it("accepts the name in parts, in another case, and as Last, First", () => {
    const parts = page(annCard(details, "<h2><span>ann</span> <span>O'NEIL</span></h2>"));
    expect(oneOnOne(readByMeaning(parts)).anchor.tagName).toBe("H2");
    const reversed = page(annCard(details, "<h2>O'Neil, Ann</h2>"));
    expect(oneOnOne(readByMeaning(reversed)).anchor.tagName).toBe("H2");
  });

  it("takes the most prominent text when no heading shows the name", () => {
    const doc = page(
      `<style>.big { font-size: 24px; font-weight: 700 }</style>` +
        annCard(details, '<div class="big">Ann O\'Neil</div><div class="small">Ann O\'Neil</div>'),
    );
    expect(oneOnOne(readByMeaning(doc)).anchor).toBe(doc.querySelector(".big"));
  });

  it("reads nothing without a name element, or with two equally good ones", () => {
    expect(readByMeaning(page(annCard(details, "<h2>Ann</h2>")))).toEqual({ kind: "not-interview" });
    expect(readByMeaning(page(annCard(details, "<div>Ann O'Neil</div>")))).toEqual({ kind: "not-interview" });
    expect(readByMeaning(page(annCard(details, "<h2>Ann O'Neil</h2><h3>Ann O'Neil</h3>")))).toEqual({
      kind: "not-interview",
    });
  });

  it("takes the interview name from document.title without the app's suffix or the candidate's name when no h1", () => {
    const doc = page(
      `<main><section><h2>Ann O'Neil</h2>${details}</section></main>`,
      "Ann O'Neil · Sales - Night Shift · Hellohire",
    );
    const reading = oneOnOne(readByMeaning(doc));
    expect(reading.interviewName).toBe("Sales - Night Shift");
    expect(reading.title).toBeNull();
    expect(readByMeaning(page(`<main><section><h2>Ann O'Neil</h2>${details}</section></main>`, ""))).toEqual({
      kind: "not-interview",
    });
  });

  it("never takes the candidate's name as the interview name", () => {
    const doc = page(`<main><h1>Ann O'Neil</h1>${details}</main>`, "CSR | Hellohire");
    const reading = oneOnOne(readByMeaning(doc));
    expect(reading.anchor.tagName).toBe("H1");
    expect(reading.interviewName).toBe("CSR");
  });

  it("keeps hostile, accented and long names as text", () => {
    const first = "<img src=x onerror=alert(1)>";
    const hostile = page("<main><h1>CSR</h1><section></section></main>");
    const section = hostile.querySelector("section");
    if (!section) throw new Error("no section");
    for (const [tag, text] of [
      ["h2", `${first} Zoë`],
      ["dt", "First name"],
      ["dd", first],
      ["dt", "Last name"],
      ["dd", "Zoë"],
    ]) {
      const element = hostile.createElement(tag ?? "div");
      element.textContent = text ?? "";
      section.append(element);
    }
    expect(readByMeaning(hostile)).toMatchObject({ candidate: { firstName: first, lastName: "Zoë" } });
    expect(hostile.querySelector("img")).toBeNull();
    const long = `${"Maximiliana ".repeat(10)}Évangéline`;
    const doc = page(
      annCard(
        `<dl><dt>First name</dt><dd>${long}</dd><dt>Last name</dt><dd>Ñúñez-Åström</dd></dl>`,
        `<h2>${long} Ñúñez-Åström</h2>`,
      ),
    );
    expect(readByMeaning(doc)).toMatchObject({ candidate: { firstName: long.trim(), lastName: "Ñúñez-Åström" } });
  });
});

describe("readByMeaning: pages it leaves untouched", () => {
  const card = (first: string, last: string) =>
    `<section><h2>${first} ${last}</h2><dl><dt>First name</dt><dd>${first}</dd><dt>Last name</dt><dd>${last}</dd></dl></section>`;

  it("several labelled candidates (a group interview)", () => {
    expect(readByMeaning(page(`<main><h1>Group</h1>${card("Ann", "O'Neil")}${card("Li", "Wei")}</main>`))).toEqual({
      kind: "not-interview",
    });
  });

  it("two different emails for the one candidate", () => {
    const doc = page(
      annCard(
        "<dl><dt>First name</dt><dd>Ann</dd><dt>Last name</dt><dd>O'Neil</dd><dt>Email</dt><dd>a@example.com</dd><dt>Email</dt><dd>b@example.com</dd></dl>",
      ),
    );
    expect(readByMeaning(doc)).toEqual({ kind: "not-interview" });
  });

  it("a table of people", () => {
    const doc =
      page(`<main><h1>Candidates</h1><h2>Ann O'Neil</h2><table><thead><tr><th>First name</th><th>Last name</th><th>Email</th></tr></thead>
      <tbody><tr><td>Ann</td><td>O'Neil</td><td>a@example.com</td></tr><tr><td>Li</td><td>Wei</td><td>l@example.com</td></tr></tbody></table></main>`);
    expect(readByMeaning(doc)).toEqual({ kind: "not-interview" });
  });

  it("a form of editable inputs (sign-in, profile settings)", () => {
    const doc = page(`<main><h1>Profile</h1><h2>Dana Reyes</h2><form><label for="f">First name</label><input id="f" value="Dana">
      <label>Last name <input value="Reyes"></label><label for="e">Email</label><input id="e" type="email" value="dana@example.com"></form></main>`);
    expect(readByMeaning(doc)).toEqual({ kind: "not-interview" });
  });

  it("unlabelled lists of names and emails, and a waiting room", () => {
    const doc =
      page(`<main><h1>CSR</h1><p>Waiting for the candidate…</p><ol><li><h3>Ann O'Neil</h3><span>ann@example.com</span></li>
      <li><h3>Li Wei</h3><span>li@example.com</span></li></ol></main>`);
    expect(readByMeaning(doc)).toEqual({ kind: "not-interview" });
  });

  it("hidden labelled candidates count for nothing", () => {
    const doc = page(
      `<main><h1>CSR</h1><div hidden>${card("Ann", "O'Neil")}</div><div aria-hidden="true">${card("Li", "Wei")}</div></main>`,
    );
    expect(readByMeaning(doc)).toEqual({ kind: "not-interview" });
    const one = page(`<main><h1>CSR</h1><div style="display: none">${card("Li", "Wei")}</div>${card("Ann", "O'Neil")}</main>`);
    expect(readByMeaning(one)).toMatchObject({ candidate: { firstName: "Ann", lastName: "O'Neil" } });
  });
});

describe("readByMeaning on the default-table fixture pages", () => {
  it("reads Ann O'Neil on one-on-one.html, under her name in the card", () => {
    const reading = oneOnOne(readByMeaning(load(join(pagesDir, "one-on-one.html"))));
    expect(reading).toMatchObject({
      interviewName: "CSR",
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
    expect(reading.anchor.getAttribute("data-testid")).toBe("candidate-name");
    expect(reading.region.getAttribute("data-testid")).toBe("candidate-card");
  });

  for (const file of ["group.html", "dashboard.html", "sign-in.html", "waiting.html"])
    it(`leaves ${file} untouched`, () => {
      expect(readByMeaning(load(join(pagesDir, file)))).toEqual({ kind: "not-interview" });
    });
});

interface LayoutReading {
  kind: "one-on-one";
  interviewName: string;
  jobTitle: string | null;
  candidate: { firstName: string; lastName: string; email: string | null };
  nameText: string;
}
type LayoutExpectation = LayoutReading | { kind: "untouched" };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isLayoutExpectation(value: unknown): value is LayoutExpectation {
  if (!isRecord(value)) return false;
  if (value.kind === "untouched") return true;
  return (
    value.kind === "one-on-one" &&
    typeof value.interviewName === "string" &&
    typeof value.nameText === "string" &&
    isRecord(value.candidate)
  );
}

/** The layouts' expectations (test/hellohire/app/layouts/layouts.expectations.ts), checked as they are loaded. */
async function layoutExpectations(): Promise<Record<string, LayoutExpectation>> {
  const file = join(layoutsDir, "layouts.expectations.ts");
  if (!existsSync(file)) return {};
  const module: unknown = await import(file);
  const table = isRecord(module) ? module.layoutExpectations : undefined;
  if (!isRecord(table)) throw new Error("layouts.expectations.ts exports no layoutExpectations");
  const checked: Record<string, LayoutExpectation> = {};
  for (const [name, expectation] of Object.entries(table)) {
    if (!isLayoutExpectation(expectation)) throw new Error(`bad expectation for ${name}`);
    checked[name] = expectation;
  }
  return checked;
}

describe("readByMeaning on the layouts (test/hellohire/app/layouts)", async () => {
  const layouts = existsSync(layoutsDir) ? readdirSync(layoutsDir).filter((file) => file.endsWith(".html")) : [];
  const expectations = await layoutExpectations();

  it.skipIf(layouts.length === 0)("has an expectation for every layout", () => {
    expect(Object.keys(expectations).sort()).toEqual(layouts.sort());
  });

  for (const file of layouts) {
    const expected = expectations[file];
    it.skipIf(!expected)(`reads ${file} as expected`, () => {
      const reading = readByMeaning(load(join(layoutsDir, file)));
      if (!expected || expected.kind === "untouched") {
        expect(reading).toEqual({ kind: "not-interview" });
        return;
      }
      const { nameText, ...rest } = expected;
      const read = oneOnOne(reading);
      expect({
        kind: read.kind,
        interviewName: read.interviewName,
        jobTitle: read.jobTitle,
        candidate: read.candidate,
        nameText: read.anchor.textContent?.replace(/\s+/gu, " ").trim(),
      }).toEqual({ ...rest, nameText });
    });
  }
});
