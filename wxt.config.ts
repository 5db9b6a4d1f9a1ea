import { fileURLToPath } from "node:url";
import { defineConfig } from "wxt";
import { addLoopbackForTests, manifestFor } from "./lib/manifest/manifest";

export default defineConfig({
  modules: ["@wxt-dev/webextension-polyfill"],
  manifest: ({ browser, mode }) => manifestFor({ browser, mode }),
  hooks: {
    "build:manifestGenerated": (wxt, manifest) => {
      addLoopbackForTests(manifest, wxt.config.mode);
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
      viteConfig.resolve = {
        ...viteConfig.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: nativeBrowser },
          ...entries.filter((entry) => entry.find !== "wxt/browser"),
        ],
      };
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
    resolve: {
      alias: { react: "preact/compat", "react-dom": "preact/compat" },
    },
    build: { sourcemap: false },
  }),
});
