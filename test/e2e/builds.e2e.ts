import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The production packages `npm test` built before the end-to-end run. */
function manifest(dir: string): Record<string, unknown> {
  const path = `.output/${dir}/manifest.json`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" and "npm run build:firefox" first.`);
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

describe("production builds", () => {
  it("Chrome: MV3, no dev key, no loopback pages, only the permissions used", () => {
    const chrome = manifest("chrome-mv3");
    const text = JSON.stringify(chrome);
    expect(chrome.manifest_version).toBe(3);
    expect(chrome).not.toHaveProperty("key");
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|<all_urls>/u);
    expect(chrome.permissions).toEqual(["storage", "identity", "alarms", "sidePanel"]);
  });

  it("Firefox: builds with a gecko ID and no loopback pages", () => {
    const firefox = manifest("firefox-mv2");
    expect(JSON.stringify(firefox)).not.toMatch(/127\.0\.0\.1|localhost|<all_urls>/u);
    expect(firefox).toHaveProperty("browser_specific_settings.gecko.id");
  });
});
