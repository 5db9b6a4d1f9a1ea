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
    // The polyfill serves the background and the side panel. Content scripts use the browser's own
    // promise-based APIs (lib/content/extension-api.ts): without the polyfill they stay within budget.
    "vite:build:extendConfig": (entrypoints, viteConfig) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === "content-script")) return;
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
