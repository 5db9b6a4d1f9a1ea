import { beforeEach, describe, expect, it } from "vitest";
import { candidateKey, cleanText, readPage } from "./read-page";

interface Card {
  name?: string;
  rows?: [string, string][];
}

function room(format: string, title: string | null, card: Card | null, waiting = false): string {
  const rows = (card?.rows ?? []).map(([dt, dd]) => `<div><dt>${dt}</dt><dd>${dd}</dd></div>`).join("");
  const cardHtml = card
    ? `<section data-testid="candidate-card" class="CandidateCard_card__x1">
         ${card.name === undefined ? "" : `<h2 data-testid="candidate-name">${card.name}</h2>`}
         <dl data-testid="candidate-details">${rows}</dl></section>`
    : "";
  return `<main data-testid="interview-room" data-format="${format}">
    ${title === null ? "" : `<header><h1 data-testid="interview-title">${title}</h1></header>`}
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
