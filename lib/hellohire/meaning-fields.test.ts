import { describe, expect, it } from "vitest";
import { isHidden, scanPage } from "./meaning-fields";

function fieldsOf(html: string) {
  document.body.innerHTML = html;
  return scanPage(document.body).fields.map(({ kind, value }) => [kind, value]);
}

describe("scanPage", () => {
  it("finds each labelled value once, whichever way it is labelled", () => {
    expect(
      fieldsOf(`<dl><dt>First name</dt><dd>Ann</dd></dl><span id="l">Last name</span><span aria-labelledby="l">O'Neil</span>
        <a aria-label="Email" href="mailto:ann%2Bhh@example.com?subject=Hi">Write</a>`),
    ).toEqual([
      ["lastName", "O'Neil"],
      ["email", "ann+hh@example.com"],
      ["firstName", "Ann"],
    ]);
  });

  it("leaves out editable values, hidden labels, values that are labels, and containers holding labels", () => {
    expect(fieldsOf('<label for="f">First name</label><input id="f" value="Dana">')).toEqual([]);
    expect(fieldsOf('<div contenteditable="true"><span>Last name</span><span>Reyes</span></div>')).toEqual([]);
    expect(fieldsOf("<div hidden><span>First name</span><span>Ann</span></div>")).toEqual([]);
    expect(fieldsOf("<span>First name</span><span>Last name</span>")).toEqual([]);
    expect(fieldsOf('<section aria-label="Email"><span>Phone</span><span>Email</span><b>x@example.com</b></section>')).toEqual([
      ["email", "x@example.com"],
    ]);
  });

  it("reads a column header only when its table has one data row", () => {
    const table = (rows: string) =>
      `<table><thead><tr><th>First name</th><th>Last name</th></tr></thead><tbody>${rows}</tbody></table>`;
    expect(fieldsOf(table("<tr><td>Ann</td><td>O'Neil</td></tr>"))).toEqual([
      ["firstName", "Ann"],
      ["lastName", "O'Neil"],
    ]);
    expect(fieldsOf(table("<tr><td>Ann</td><td>O'Neil</td></tr><tr><td>Li</td><td>Wei</td></tr>"))).toEqual([]);
  });

  it("keeps the text nodes that are not only whitespace, for the name search", () => {
    document.body.innerHTML = "<div>\n  <h2> Ann O'Neil </h2>\n</div>";
    expect(scanPage(document.body).texts.map((text) => text.data)).toEqual([" Ann O'Neil "]);
  });
});

describe("isHidden", () => {
  it("sees the hidden attribute, aria-hidden and an inline display:none on an ancestor", () => {
    document.body.innerHTML = `<div hidden><i id="a"></i></div><div aria-hidden="true"><i id="b"></i></div>
      <div style="display:none"><i id="c"></i></div><div><i id="d"></i></div>`;
    const shown = ["a", "b", "c", "d"].map((id) => isHidden(document.getElementById(id) ?? document.body));
    expect(shown).toEqual([true, true, true, false]);
  });
});
