import { defineConfig } from "wxt";
import { addLoopbackForTests, manifestFor } from "./lib/manifest/manifest";

export default defineConfig({
  modules: ["@wxt-dev/webextension-polyfill"],
  manifest: ({ browser, mode }) => manifestFor({ browser, mode }),
  hooks: {
    "build:manifestGenerated": (wxt, manifest) => {
      addLoopbackForTests(manifest, wxt.config.mode);
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
