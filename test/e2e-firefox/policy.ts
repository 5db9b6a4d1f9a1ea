import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { geckoId } from "./firefox";

/**
 * Firefox on Linux reads enterprise policy from this file (root only), once, when it starts: a change needs a
 * new launch (see test/e2e-firefox/README.md). An extension's managed storage is `policies["3rdparty"].Extensions[id]`.
 */
export const firefoxPolicyFile = "/etc/firefox/policies/policies.json";

/** Marks the file as the tests' own, so that an administrator's policies.json is never overwritten or removed. */
const marker = "srh-e2e-firefox";

export function canWriteFirefoxPolicy(): boolean {
  return process.getuid?.() === 0;
}

function isOurs(): boolean {
  if (!existsSync(firefoxPolicyFile)) return true;
  try {
    const parsed: unknown = JSON.parse(readFileSync(firefoxPolicyFile, "utf8"));
    return typeof parsed === "object" && parsed !== null && marker in parsed;
  } catch {
    return false;
  }
}

/** Sets the extension's managed storage for the next Firefox launch, through a real policies.json. */
export function writeFirefoxPolicy(values: Record<string, unknown>): void {
  if (!isOurs()) throw new Error(`${firefoxPolicyFile} exists and is not the tests' own: not overwriting it.`);
  mkdirSync(dirname(firefoxPolicyFile), { recursive: true });
  writeFileSync(
    firefoxPolicyFile,
    JSON.stringify({ [marker]: true, policies: { "3rdparty": { Extensions: { [geckoId]: values } } } }),
  );
}

export function removeFirefoxPolicy(): void {
  if (existsSync(firefoxPolicyFile) && isOurs()) rmSync(firefoxPolicyFile);
}

/** Serialises writing policies.json and launching Firefox across test files (and processes): mkdir is atomic. */
export const firefoxPolicyLock = "/tmp/srh-firefox-policy.lock";
const lockRetryMs = 100;
const lockStaleMs = 60_000;

async function acquirePolicyLock(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(firefoxPolicyLock);
      return;
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
    try {
      if (Date.now() - statSync(firefoxPolicyLock).mtimeMs > lockStaleMs)
        rmSync(firefoxPolicyLock, { recursive: true, force: true });
    } catch {
      // released meanwhile: try again
    }
    await new Promise((done) => setTimeout(done, lockRetryMs));
  }
}

/**
 * Launches Firefox with `values` as the extension's managed storage (or with no policies.json at all when `values` is
 * null), holding the lock for the write, the launch (Firefox reads the file at start) and the removal, so that a launch
 * in another file never reads this file's policy, nor this one another's.
 */
export async function withFirefoxPolicy<T>(values: Record<string, unknown> | null, launch: () => Promise<T>): Promise<T> {
  await acquirePolicyLock();
  try {
    if (values === null) removeFirefoxPolicy();
    else writeFirefoxPolicy(values);
    return await launch();
  } finally {
    try {
      removeFirefoxPolicy();
    } finally {
      rmSync(firefoxPolicyLock, { recursive: true, force: true });
    }
  }
}
