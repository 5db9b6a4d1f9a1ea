import { defineConfig } from "vitest/config";

/** End-to-end tests in Firefox ESR: the Firefox test build, one file at a time (policies.json is machine-wide). */
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/e2e-firefox/**/*.firefox.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
