import { describe, expect, it } from "vitest";
import { inlineStylesheet, pageWithScreen } from "./panel-pages";

const built = `<!DOCTYPE html>
<html lang="en">
  <head>
    <title>SmartRecruiters for Hellohire</title>
    <script type="module" crossorigin src="/chunks/sidepanel-1.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/sidepanel-2.css">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`;

describe("the side panel's built pages", () => {
  it("carry the stylesheet inline instead of a file to fetch", () => {
    const { html, assets } = inlineStylesheet(built, (path) => (path === "assets/sidepanel-2.css" ? "main{gap:12px}" : ""));
    expect(assets).toEqual(["assets/sidepanel-2.css"]);
    expect(html).toContain("<style>main{gap:12px}</style>");
    expect(html).not.toContain("<link");
    expect(html).toContain('<script type="module" crossorigin src="/chunks/sidepanel-1.js">');
  });

  it("a stylesheet cannot end its own <style> early", () => {
    const { html } = inlineStylesheet(built, () => 'a::after{content:"</style><script>"}');
    expect(html.match(/<\/style>/giu)).toHaveLength(1);
  });

  it("carry the first screen, the language and the title", () => {
    const page = pageWithScreen(built, {
      markup: "<main><h1>Bonjour</h1></main>",
      lang: "fr",
      title: "SmartRecruiters pour Hellohire",
    });
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain("<title>SmartRecruiters pour Hellohire</title>");
    expect(page).toContain('<div id="app"><main><h1>Bonjour</h1></main></div>');
  });

  it("say so when the page has nowhere to put the screen", () => {
    expect(() => pageWithScreen("<html><body></body></html>", { markup: "x", lang: "en", title: "t" })).toThrow(/#app|id="app"/u);
  });
});
