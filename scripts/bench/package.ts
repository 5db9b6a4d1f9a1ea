/** package_chrome_kb: size of the Chrome Web Store package `npm run zip` (or `wxt zip`) makes. */
import { statSync } from "node:fs";
import { packagePath } from "../package/packages";
import { readZip } from "../package/zip";
import type { Figure } from "./lib/figure";

export const packageSize: Figure = {
  id: "package",
  description: "package_chrome_kb: size of .output/<name>-<version>-chrome.zip, the Chrome Web Store package",
  async run({ log }) {
    const path = packagePath("chrome");
    const size = statSync(path).size;
    const entries = readZip(path).sort((a, b) => b.compressedSize - a.compressedSize);
    log(`package: ${path}: ${size} bytes, ${entries.length} files`);
    for (const entry of entries) log(`package:   ${entry.name.padEnd(40)} ${entry.size} B, ${entry.compressedSize} B zipped`);
    return [{ name: "package_chrome_kb", value: size / 1024, unit: "KB", budget: 100, decimals: 1 }];
  },
};
