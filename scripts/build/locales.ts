import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The messages a build ships: each message and its placeholders' content, without the notes for translators
 * (`description`, placeholders' `example`) or indentation, which the browser never reads (half of each file). The
 * files in public/_locales keep them for translators.
 */

interface SourceMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export function shippedMessages(source: Record<string, SourceMessage>): string {
  const shipped = Object.fromEntries(
    Object.entries(source).map(([key, { message, placeholders }]) => [
      key,
      placeholders
        ? {
            message,
            placeholders: Object.fromEntries(Object.entries(placeholders).map(([name, { content }]) => [name, { content }])),
          }
        : { message },
    ]),
  );
  return JSON.stringify(shipped);
}

/** Rewrites every `_locales/<locale>/messages.json` of a build's output as shippedMessages; returns the locales. */
export function compactLocales(outDir: string): string[] {
  const folder = join(outDir, "_locales");
  const locales = readdirSync(folder);
  for (const locale of locales) {
    const file = join(folder, locale, "messages.json");
    writeFileSync(file, shippedMessages(JSON.parse(readFileSync(file, "utf8")) as Record<string, SourceMessage>));
  }
  return locales;
}
