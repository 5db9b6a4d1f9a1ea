import { beforeEach, describe, expect, it } from "vitest";
import { defaultMarkup } from "./markup";
import { applyMarkupOverride } from "./markup-override";
import { candidateKey, cleanText, jobTitleMaxLength, labelText, maxLabelLength, readPage } from "./read-page";

interface Card {
  name?: string;
  rows?: [string, string][];
}

/** The job beside the title, with an icon as the fixture (and likely Hellohire) shows it; null: no job element. */
function room(format: string, title: string | null, card: Card | null, waiting = false, job: string | null = null): string {
  const rows = (card?.rows ?? []).map(([dt, dd]) => `<div><dt>${dt}</dt><dd>${dd}</dd></div>`).join("");
  const cardHtml = card
    ? `<section data-testid="candidate-card" class="CandidateCard_card__x1">
         ${card.name === undefined ? "" : `<h2 data-testid="candidate-name">${card.name}</h2>`}
         <dl data-testid="candidate-details">${rows}</dl></section>`
    : "";
  return `<main data-testid="interview-room" data-format="${format}">
    ${title === null ? "" : `<header><h1 data-testid="interview-title">${title}</h1></header>`}
    ${job === null ? "" : `<span data-testid="interview-job"><svg aria-hidden="true"><rect x="2"></rect></svg>${job}</span>`}
    ${waiting ? '<div data-testid="waiting-for-candidate">Waiting for candidate…</div>' : ""}${cardHtml}</main>`;
}

const ann: Card = {
  name: "Ann O'Neil",
  rows: [
    ["First name", "Ann"],
    ["Last name", "O'Neil"],
    ["Email", '<a href="mailto:ann.oneil@example.com">ann.oneil@example.com</a>'],
  ],
};

describe("readPage", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("reads the candidate and interview of a one-on-one room", () => {
    document.body.innerHTML = room("one-on-one", "CSR", ann);
    const reading = readPage(document);
    expect(reading).toMatchObject({
      kind: "one-on-one",
      interviewName: "CSR",
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
    if (reading.kind === "one-on-one") expect(reading.anchor.textContent).toBe("Ann O'Neil");
  });

  it("keeps several-word names, accents and hyphens whole, and trims odd spacing", () => {
    document.body.innerHTML = room("one-on-one", "  Sales  -\u00a0 Night Shift ", {
      name: "Mary Jane van der Berg",
      rows: [
        ["First name", " Mary  Jane "],
        ["Last name", "van der Berg"],
        ["E-mail", "mj@example.com"],
      ],
    });
    expect(readPage(document)).toMatchObject({
      interviewName: "Sales - Night Shift",
      candidate: { firstName: "Mary Jane", lastName: "van der Berg", email: "mj@example.com" },
    });
  });

  it("gives a null email when the page shows none", () => {
    document.body.innerHTML = room("one-on-one", "CSR", {
      name: "Sam Taylor",
      rows: [
        ["First name", "Sam"],
        ["Last name", "Taylor"],
      ],
    });
    expect(readPage(document)).toMatchObject({ kind: "one-on-one", candidate: { email: null } });
  });

  it("tells apart pages that are not one-on-one interviews", () => {
    document.body.innerHTML = "<main><h1>Your events</h1></main>";
    expect(readPage(document)).toEqual({ kind: "not-interview" });
    document.body.innerHTML = room("group", "Warehouse", ann);
    expect(readPage(document)).toEqual({ kind: "other-format" });
    document.body.innerHTML = room("one-on-one", "CSR", null, true);
    expect(readPage(document)).toEqual({ kind: "waiting" });
  });

  it("names what it could not find when an interview page cannot be read", () => {
    document.body.innerHTML = room("one-on-one", null, { rows: [["First name", "Ann"]] });
    expect(readPage(document)).toEqual({
      kind: "unreadable",
      missing: ["candidateName", "lastNameLabel", "interviewTitle"],
    });
  });
});

describe("readPage: the interview's job title", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  const jobOf = (html: string) => {
    document.body.innerHTML = html;
    const reading = readPage(document);
    if (reading.kind !== "one-on-one") throw new Error(`expected a readable interview, got ${reading.kind}`);
    return reading.jobTitle;
  };

  it("reads the job shown beside the interview name, without its icon", () => {
    expect(jobOf(room("one-on-one", "CSR", ann, false, "Customer Service Representative"))).toBe(
      "Customer Service Representative",
    );
  });

  it("collapses odd spacing, non-breaking spaces and line breaks", () => {
    expect(jobOf(room("one-on-one", "CSR", ann, false, "\n  Customer \u00a0Service\n\tRepresentative  "))).toBe(
      "Customer Service Representative",
    );
  });

  it("gives null, and still a readable interview, when the page shows no job", () => {
    expect(jobOf(room("one-on-one", "CSR", ann))).toBeNull();
    expect(jobOf(room("one-on-one", "CSR", ann, false, " \u00a0 "))).toBeNull();
  });

  it("cuts a very long job title, never inside a character", () => {
    expect(jobOf(room("one-on-one", "CSR", ann, false, "J".repeat(500)))).toBe("J".repeat(jobTitleMaxLength));
    const cut = jobOf(room("one-on-one", "CSR", ann, false, `${"J".repeat(jobTitleMaxLength - 1)}\u{1F4BC}`));
    expect(cut).toBe("J".repeat(jobTitleMaxLength - 1));
  });

  it("reads the job in the room only, not one elsewhere on the page", () => {
    expect(jobOf(`<span data-testid="interview-job">Elsewhere</span>${room("one-on-one", "CSR", ann)}`)).toBeNull();
  });

  it("never names the job title among what an unreadable page is missing", () => {
    document.body.innerHTML = room("one-on-one", null, { rows: [["First name", "Ann"]] });
    const reading = readPage(document);
    expect(reading).toMatchObject({ kind: "unreadable" });
    expect(reading.kind === "unreadable" && reading.missing).not.toContain("jobTitle");
  });

  it("follows an admin's override of the jobTitle selector", () => {
    const override = applyMarkupOverride({ selectors: { jobTitle: "[data-job]" } });
    if (!override.ok) throw new Error(override.problems.join("; "));
    document.body.innerHTML = room("one-on-one", "CSR", ann, false, "Not this one").replace(
      "</main>",
      '<p data-job="">Warehouse Associate</p></main>',
    );
    const reading = readPage(document, override.markup);
    expect(reading).toMatchObject({ kind: "one-on-one", jobTitle: "Warehouse Associate" });
    expect(readPage(document, defaultMarkup)).toMatchObject({ jobTitle: "Not this one" });
  });
});

describe("label patterns run on bounded label text", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("a label's text is cleaned and cut to its first 200 characters", () => {
    expect(maxLabelLength).toBe(200);
    expect(labelText(`  First\u00a0name ${"x".repeat(500)}`)).toBe(`First name ${"x".repeat(189)}`);
    expect(labelText(null)).toBe("");
  });

  it("an admin's pattern sees at most those 200 characters of a huge label", () => {
    const sees = (count: number) => {
      const override = applyMarkupOverride({ patterns: { firstNameLabel: `^x{${count}}` } });
      if (!override.ok) throw new Error(override.problems.join("; "));
      document.body.innerHTML = room("one-on-one", "CSR", {
        ...ann,
        rows: [["x".repeat(50_000), "Ann"], ...(ann.rows ?? []).slice(1)],
      });
      return readPage(document, override.markup).kind === "one-on-one";
    };
    expect(sees(200)).toBe(true);
    expect(sees(201)).toBe(false);
  });

  it("a pattern that is slow on long texts (quadratic) answers at once on a huge label", () => {
    const override = applyMarkupOverride({ patterns: { emailLabel: "^.*.*z$" } });
    if (!override.ok) throw new Error(override.problems.join("; "));
    document.body.innerHTML = room("one-on-one", "CSR", {
      ...ann,
      rows: [...(ann.rows ?? []).slice(0, 2), ["y".repeat(200_000), "x@example.com"]],
    });
    const started = performance.now();
    expect(readPage(document, override.markup)).toMatchObject({ candidate: { email: null } });
    // On the whole label: 200 000² steps, minutes; on its first 200 characters: 40 000, nothing.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("candidateKey", () => {
  it("changes with the person and the interview", () => {
    document.body.innerHTML = room("one-on-one", "CSR", ann);
    const first = readPage(document);
    document.body.innerHTML = room("one-on-one", "CSR", {
      ...ann,
      rows: [
        ["First name", "Li"],
        ["Last name", "Wei"],
      ],
    });
    const second = readPage(document);
    if (first.kind !== "one-on-one" || second.kind !== "one-on-one") throw new Error("expected interviews");
    expect(candidateKey(first)).not.toBe(candidateKey(second));
  });
});

describe("cleanText", () => {
  it("collapses whitespace including non-breaking spaces", () => {
    expect(cleanText("  a \u00a0\n b ")).toBe("a b");
    expect(cleanText(null)).toBe("");
  });
});
