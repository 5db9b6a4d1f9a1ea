import { describe, expect, it } from "vitest";
import { redactedStructure } from "./page-structure";

describe("redactedStructure", () => {
  it("keeps tags, attribute names and nesting, and redacts every value and text", () => {
    document.body.innerHTML = `<main data-testid="interview-room" data-format="one-on-one">
      <h2 data-testid="candidate-name" title="Ann O'Neil">Ann O'Neil</h2>
      <a href="mailto:ann.oneil@example.com" data-testid="candidate-email">ann.oneil@example.com</a>
      <script>secret()</script></main>`;
    const structure = redactedStructure(document.body);
    expect(structure).not.toMatch(/Ann|O'Neil|example\.com|interview-room|one-on-one|secret/u);
    expect(structure).toContain('<main data-testid="v1" data-format="v2">');
    expect(structure).toContain('<h2 data-testid="v3" title="v4"> #text(10)');
    expect(structure).toContain('<a href="v5" data-testid="v6"> #text(21)');
  });

  it("gives equal values equal tokens and leaves out what it is told to skip", () => {
    document.body.innerHTML = `<ul><li class="item">a</li><li class="item">b</li></ul><aside id="ours">x</aside>`;
    const structure = redactedStructure(document.body, { skip: (element) => element.id === "ours" });
    expect(structure.match(/class="v1"/gu)).toHaveLength(2);
    expect(structure).not.toContain("aside");
  });
});
