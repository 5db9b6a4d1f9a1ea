import { fileURLToPath } from "node:url";
import { defineConfig } from "wxt";
import { addLoopbackForTests, manifestFor } from "./lib/manifest/manifest";
import { compactLocales } from "./scripts/build/locales";
import { writePanelPages } from "./scripts/build/panel-pages";

export default defineConfig({
  modules: ["@wxt-dev/webextension-polyfill"],
  manifest: ({ browser, mode }) => manifestFor({ browser, mode }),
  hooks: {
    "build:manifestGenerated": (wxt, manifest) => {
      addLoopbackForTests(manifest, wxt.config.mode);
    },
    // The side panel's pages, each with its first screen drawn into the HTML (lib/shared/panel-page.ts), and the
    // messages without the translators' notes (scripts/build/locales.ts).
    "build:done": async (wxt) => {
      await writePanelPages({ root: wxt.config.root, outDir: wxt.config.outDir, mode: wxt.config.mode });
      compactLocales(wxt.config.outDir);
    },
    // The polyfill serves the background only. Content scripts and the side panel use the browser's
    // own promise-based APIs (MV3 Chromium and Firefox both have them): without the polyfill the
    // content script stays within its size budget and the side panel paints sooner.
    "vite:build:extendConfig": (entrypoints, viteConfig) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === "content-script" || entrypoint.type === "sidepanel")) return;
      const nativeBrowser = fileURLToPath(import.meta.resolve("wxt/browser"));
      const alias = viteConfig.resolve?.alias;
      const entries = Array.isArray(alias)
        ? alias
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      // Content scripts get our own stand-in for WXT's ContentScriptContext, which tells the page the extension's ID
      // and lets it stop the script (lib/content/script-lifetime.ts).
      const contentScripts = entrypoints.every((entrypoint) => entrypoint.type === "content-script");
      const scriptContext = fileURLToPath(new URL("./lib/content/script-lifetime.ts", import.meta.url));
      // Terser makes the content script ~0.12 KB (gzipped) smaller than Vite's default minifier, within its 12 KB budget.
      if (contentScripts)
        viteConfig.build = { ...viteConfig.build, minify: "terser", terserOptions: { compress: { passes: 2 } } };
      viteConfig.resolve = {
        ...viteConfig.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: nativeBrowser },
          ...(contentScripts ? [{ find: /^wxt\/utils\/content-script-context$/, replacement: scriptContext }] : []),
          ...entries.filter((entry) => entry.find !== "wxt/browser"),
        ],
      };
    },
  },
  // `npm run zip`: `.output/<name>-<version>-<browser>.zip` for Chrome, Firefox and Edge, and for Firefox
  // `.output/<name>-<version>-sources.zip`, the sources AMO's reviewers rebuild the package from
  // (scripts/package/README.md says how). Only what that build reads is listed: no tests, fixtures, sandbox,
  // demo output or dotfiles (`.env.test` holds the test builds' sandbox client ID).
  zip: {
    includeSources: [
      "package.json",
      "package-lock.json",
      "wxt.config.ts",
      "tsconfig.json",
      "entrypoints/**",
      "components/**",
      "lib/**",
      "public/**",
      "README.md",
      "PRIVACY.md",
      "CHANGELOG.md",
      "scripts/package/README.md",
      "scripts/build/**",
    ],
    // On top of WXT's own (node_modules, .output, *.test.* / *.spec.*): test-only helpers in lib/.
    excludeSources: ["**/*-test-helpers.ts", "**/fake-*.ts", "**/*.expectations.ts"],
  },
  vite: () => ({
    // Production JSX in every mode: the test build (e2e, bench) runs the code that ships, without
    // development-only source locations on every element.
    oxc: { jsx: { runtime: "automatic", importSource: "preact", development: false } },
    resolve: {
      alias: { react: "preact/compat", "react-dom": "preact/compat" },
    },
    build: { sourcemap: false },
  }),
});
