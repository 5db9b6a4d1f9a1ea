import { describe, expect, it } from "vitest";
import { scanPage } from "./meaning-fields";
import { commonAncestor, findNameElement } from "./meaning-name";

function nameIn(html: string, first = "Ann", last = "O'Neil") {
  document.body.innerHTML = html;
  const values = [...document.querySelectorAll(".v")];
  return findNameElement(document.body, scanPage(document.body).texts, first, last, values);
}

const fields = '<dl><dt>First name</dt><dd class="v">Ann</dd><dt>Last name</dt><dd class="v">O\'Neil</dd></dl>';

describe("findNameElement", () => {
  it("takes the heading nearest the fields, climbing from a span to its heading", () => {
    const found = nameIn(`<p>Ann O'Neil</p><section id="card"><h2 id="n"><span>Ann O'Neil</span></h2>${fields}</section>`);
    expect(found).toBe(document.getElementById("n"));
  });

  it("takes a wrapper of the name (the widget goes after it), a name in parts, and an element with role=heading", () => {
    const wrapped = `<style>strong { font-weight: 700 }</style><section><div id="n"><strong>Ann O'Neil</strong></div>${fields}</section>`;
    expect(nameIn(wrapped)).toBe(document.getElementById("n"));
    expect(nameIn(`<section><h3 id="n">Ann <em>O'Neil</em></h3>${fields}</section>`)).toBe(document.getElementById("n"));
    expect(nameIn(`<section><div role="heading" id="n">ann o'neil</div>${fields}</section>`)).toBe(document.getElementById("n"));
  });

  it("says ambiguous for two headings at the same distance, null for none", () => {
    expect(nameIn(`<section><h2>Ann O'Neil</h2><h3>Ann O'Neil</h3>${fields}</section>`)).toBe("ambiguous");
    expect(nameIn(`<section><h2>Ann Other</h2>${fields}</section>`)).toBeNull();
    expect(nameIn(`<section><h2 hidden>Ann O'Neil</h2>${fields}</section>`)).toBeNull();
  });
});

describe("commonAncestor", () => {
  it("is the smallest element holding them all", () => {
    document.body.innerHTML = '<div id="a"><p id="b"><i id="c"></i></p><p id="d"></p></div>';
    const byId = (id: string) => document.getElementById(id) ?? document.body;
    expect(commonAncestor([byId("c"), byId("d")])).toBe(byId("a"));
    expect(commonAncestor([byId("c"), byId("b")])).toBe(byId("b"));
    expect(commonAncestor([])).toBeNull();
  });
});
