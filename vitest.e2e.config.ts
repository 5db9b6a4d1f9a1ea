import { defineConfig } from "vitest/config";

/**
 * End-to-end tests: the built extension in real Chromium (test/e2e) and in Firefox ESR (test/e2e-firefox). Files run
 * side by side, each with one browser of its own: they share no state. Chromium policy files are per extension ID
 * (test/e2e/policy.ts), Firefox's policies.json is held under a lock only while a browser starts (test/e2e-firefox/policy.ts),
 * sandboxes and fixture servers take free ports. A browser test waits on pages more than it computes: more files than
 * cores keeps the cores busy (E2E_WORKERS overrides).
 */
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/e2e/**/*.e2e.ts", "test/e2e-firefox/**/*.firefox.ts"],
    maxWorkers: Number(process.env.E2E_WORKERS ?? 3),
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
