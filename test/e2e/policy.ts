import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Worker } from "playwright-core";
import { extensionId } from "./extension";

/** Chromium reads machine policy from here (root only); it notices changes within seconds. */
export const policyDir = "/etc/chromium/policies/managed";
const policyFile = join(policyDir, "srh-e2e-test.json");

export function canWritePolicy(): boolean {
  return process.getuid?.() === 0;
}

/** Sets the extension's managed storage through a real Chromium policy file. */
export function writeExtensionPolicy(values: Record<string, unknown>): void {
  mkdirSync(policyDir, { recursive: true });
  writeFileSync(policyFile, JSON.stringify({ "3rdparty": { extensions: { [extensionId]: values } } }));
}

export function removeExtensionPolicy(): void {
  if (existsSync(policyFile)) rmSync(policyFile);
}

/** What the extension currently sees in storage.managed. */
export function managedStorage(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } };
    return chrome.storage.managed.get();
  });
}
