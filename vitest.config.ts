import { availableParallelism } from "node:os";
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
      "scripts/build/**/*.test.ts",
    ],
    server: { deps: { inline: ["zustand"] } },
    restoreMocks: true,
    setupFiles: ["test/unit/setup.ts"],
    // One worker per core (vitest's default leaves one idle: half of this 2-core machine), threads start faster
    // than processes: the unit suite takes ~100 s here instead of ~160 s.
    pool: "threads",
    maxWorkers: availableParallelism(),
  },
});
