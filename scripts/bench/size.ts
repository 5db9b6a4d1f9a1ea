/** content_js_gzip_kb: gzip -9 size of the production build's content script. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Figure } from "./lib/figure";

export const productionContentScript = resolve(".output/chrome-mv3/content-scripts/content.js");

export const size: Figure = {
  id: "size",
  description: "content_js_gzip_kb: gzip (level 9) size of .output/chrome-mv3/content-scripts/content.js",
  async run({ log }) {
    const source = await readFile(productionContentScript);
    const gzipped = gzipSync(source, { level: 9 });
    log(`size: ${productionContentScript}: ${source.length} bytes, ${gzipped.length} bytes gzipped`);
    return [{ name: "content_js_gzip_kb", value: gzipped.length / 1024, unit: "KB", budget: 12, decimals: 1 }];
  },
};
