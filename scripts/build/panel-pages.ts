import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fakeBrowser } from "@webext-core/fake-browser";
import { createServer, loadEnv } from "vite";
import type { FirstScreen } from "../../lib/shared/panel-page";

/**
 * Writes the side panel's pages, each with its first screen already in the HTML (lib/shared/panel-page.ts says why):
 * for every language and layout, the page WXT built with the screen rendered into `#app`, `lang` and the title in
 * that language, and the panel's stylesheet inline (a `<link>` would be one more file for the browser to fetch
 * before it paints; entrypoints/sidepanel/index.html links it for the dev server). Runs after every `wxt build`
 * (wxt.config.ts).
 */

interface MessageTable {
  [key: string]: { message: string; placeholders?: Record<string, { content: string }> };
}

/** What the page module of the build renders with (components/sidepanel/render-first-screen.tsx and lib/). */
interface Renderer {
  renderFirstScreen(screen: FirstScreen, clientId: string): string;
  formatMessage(table: MessageTable, key: string, substitutions?: readonly string[]): string;
  panelLocales: readonly string[];
  firstScreens: readonly FirstScreen[];
  panelPage(locale: string, screen: FirstScreen): string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/gu, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char] as string);

/** The built page with its stylesheet inline: the `<link>` Vite wrote is replaced by the file's text. */
export function inlineStylesheet(html: string, readAsset: (path: string) => string): { html: string; assets: string[] } {
  const assets: string[] = [];
  const inlined = html.replace(/<link rel="stylesheet"[^>]*href="\/?([^"]+\.css)"[^>]*>/gu, (_link, path: string) => {
    assets.push(path);
    return `<style>${readAsset(path).replace(/<\/style/giu, "<\\/style")}</style>`;
  });
  return { html: inlined, assets };
}

/** One page: the screen in `#app`, and the page's language and title. */
export function pageWithScreen(html: string, screen: { markup: string; lang: string; title: string }): string {
  const app = '<div id="app"></div>';
  if (!html.includes(app)) throw new Error(`the side panel's page has no empty ${app} to render into`);
  return html
    .replace(/<html lang="[^"]*"/u, `<html lang="${escapeHtml(screen.lang)}"`)
    .replace(/<title>[^<]*<\/title>/u, `<title>${escapeHtml(screen.title)}</title>`)
    .replace(app, `<div id="app">${screen.markup}</div>`);
}

/**
 * The page's modules run here as in a unit test: on an in-memory stand-in for the extension API (some read storage
 * as they load). The render itself reads no storage: the state is set (render-first-screen.tsx).
 */
function withStandInBrowser<T>(run: () => Promise<T>): Promise<T> {
  const scope = globalThis as { browser?: unknown; chrome?: unknown };
  const before = { browser: scope.browser, chrome: scope.chrome };
  scope.browser = fakeBrowser;
  scope.chrome = fakeBrowser;
  return run().finally(() => Object.assign(scope, before));
}

async function loadRenderer(root: string): Promise<Renderer> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: "silent",
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: "custom",
    oxc: { jsx: { runtime: "automatic", importSource: "preact", development: false } },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const [render, messages, pages] = await Promise.all([
      server.ssrLoadModule("/components/sidepanel/render-first-screen.tsx"),
      server.ssrLoadModule("/lib/i18n/messages.ts"),
      server.ssrLoadModule("/lib/shared/panel-page.ts"),
    ]);
    return { ...render, ...messages, ...pages } as unknown as Renderer;
  } finally {
    await server.close();
  }
}

interface Build {
  /** The project's folder. */
  root: string;
  /** The build's output folder. */
  outDir: string;
  /** Its mode ("production", "test"): which .env files give the OAuth client ID. */
  mode: string;
}

/** Writes every page of the panel into a WXT build's output; returns their names. */
export function writePanelPages(build: Build): Promise<string[]> {
  return withStandInBrowser(() => writePages(build));
}

async function writePages({ root, outDir, mode }: Build): Promise<string[]> {
  const renderer = await loadRenderer(root);
  const clientId = loadEnv(mode, root, "WXT_").WXT_SMARTRECRUITERS_CLIENT_ID ?? "";
  const built = readFileSync(join(outDir, "sidepanel.html"), "utf8");
  const { html, assets } = inlineStylesheet(built, (path) => readFileSync(join(outDir, path), "utf8"));
  const scope = globalThis as { chrome?: unknown };
  const written: string[] = [];
  try {
    for (const locale of renderer.panelLocales) {
      const table = JSON.parse(readFileSync(join(root, "public/_locales", locale, "messages.json"), "utf8")) as MessageTable;
      const getMessage = (key: string, substitutions?: string | string[]) =>
        renderer.formatMessage(table, key, typeof substitutions === "string" ? [substitutions] : (substitutions ?? []));
      // The panel's `t` reads the browser's messages: here, this language's file.
      scope.chrome = { ...fakeBrowser, i18n: { getMessage } };
      for (const screen of renderer.firstScreens) {
        const name = renderer.panelPage(locale, screen);
        const page = pageWithScreen(html, {
          markup: renderer.renderFirstScreen(screen, clientId),
          lang: getMessage("locale") || locale,
          title: getMessage("extName"),
        });
        writeFileSync(join(outDir, name), page);
        written.push(name);
      }
    }
  } finally {
    scope.chrome = fakeBrowser;
  }
  // The stylesheet lives in the pages now.
  for (const asset of assets) {
    rmSync(join(outDir, asset), { force: true });
    const folder = join(outDir, dirname(asset));
    if (folder !== outDir && readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
  }
  return written;
}
