import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

export default defineConfig({
  plugins: [WxtVitest()],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  resolve: { alias: { react: "preact/compat", "react-dom": "preact/compat" } },
  test: {
    environment: "happy-dom",
    include: [
      "lib/**/*.test.{ts,tsx}",
      "components/**/*.test.{ts,tsx}",
      "test/sandbox/**/*.test.ts",
      "test/hellohire/**/*.test.ts",
      "test/unit/**/*.test.{ts,tsx}",
      "server/**/*.test.ts",
    ],
    server: { deps: { inline: ["zustand"] } },
    restoreMocks: true,
    setupFiles: ["test/unit/setup.ts"],
  },
});
