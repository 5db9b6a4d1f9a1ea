import { createHash, generateKeyPairSync } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { devExtensionId } from "../../lib/manifest/manifest";

/** An unpacked extension Chromium loads: where it is, and the ID its manifest's `key` gives it. */
export interface ExtensionBuild {
  path: string;
  id: string;
}

/** The Chrome test build (`npm run build:test`), with the project's dev key: every file that needs no ID of its own. */
export const sharedBuild: ExtensionBuild = {
  path: resolve(process.env.EXTENSION_PATH ?? ".output/chrome-mv3-test"),
  id: devExtensionId,
};

/** Chromium's extension ID for a public key: the first 32 hex digits of its SHA-256, written with the letters a–p. */
export function extensionIdOf(publicKeyDer: Buffer): string {
  const hash = createHash("sha256").update(publicKeyDer).digest("hex").slice(0, 32);
  return [...hash].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join("");
}

/**
 * A copy of the shared build under a key (so an ID) of its own, for a test file that writes machine policy: Chromium
 * applies `3rdparty.extensions.<id>` by ID, so a policy for this copy never reaches the other files' browsers running
 * at the same time. `remove()` deletes the copy.
 */
export function copyWithOwnId(from: ExtensionBuild = sharedBuild): ExtensionBuild & { remove(): void } {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const der = publicKey.export({ type: "spki", format: "der" });
  const path = mkdtempSync(join(tmpdir(), "srh-extension-"));
  cpSync(from.path, path, { recursive: true });
  const manifestPath = join(path, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: der.toString("base64") }));
  return { path, id: extensionIdOf(der), remove: () => rmSync(path, { recursive: true, force: true }) };
}
