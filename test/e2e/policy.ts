import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Worker } from "playwright-core";
import { type ExtensionBuild, sharedBuild } from "./extension-build";

/**
 * Chromium reads machine policy from every JSON file here (root only), merged; it notices changes within seconds.
 * Each test file writes its own file, for a copy of the build with its own ID (copyWithOwnId): files running at the
 * same time never meet each other's policy, and the shared build never has any.
 */
export const policyDir = "/etc/chromium/policies/managed";

function policyFileFor(build: ExtensionBuild): string {
  if (build.id === sharedBuild.id)
    throw new Error("Policy for the shared build would reach every browser running beside: launch a copy with its own ID.");
  return join(policyDir, `srh-e2e-${build.id}.json`);
}

export function canWritePolicy(): boolean {
  return process.getuid?.() === 0;
}

/** Sets the extension's managed storage through a real Chromium policy file. */
export function writeExtensionPolicy(build: ExtensionBuild, values: Record<string, unknown>): void {
  mkdirSync(policyDir, { recursive: true });
  writeFileSync(policyFileFor(build), JSON.stringify({ "3rdparty": { extensions: { [build.id]: values } } }));
}

export function removeExtensionPolicy(build: ExtensionBuild): void {
  const file = policyFileFor(build);
  if (existsSync(file)) rmSync(file);
}

/** What the extension currently sees in storage.managed. */
export function managedStorage(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } };
    return chrome.storage.managed.get();
  });
}
