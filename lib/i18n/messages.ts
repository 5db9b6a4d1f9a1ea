import english from "../../public/_locales/en/messages.json";

/**
 * The extension's user-visible texts, from `public/_locales/<lang>/messages.json` through the
 * browser's own `i18n.getMessage` (the native `chrome`/`browser` object: no polyfill, so the content
 * script can use it too), typed by the English file: a key it lacks does not compile. Outside a
 * build (unit tests, dev server) the English text stands in where that API is missing. Tags written
 * to SmartRecruiters never go through here: they stay English in every language
 * (lib/sync/rating-tag.ts).
 */
export type MessageKey = keyof typeof english;

/** A message with placeholders needs its substitutions; one without takes none. */
export type Substitutions<K extends MessageKey> = (typeof english)[K] extends { placeholders: object }
  ? [string, ...string[]]
  : [];

export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type MessageTable = Record<string, MessageEntry>;

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage?(): string;
}

/**
 * Fills a message as the browser does: `$NAME$` becomes its placeholder's content, then `$1`…`$9`
 * the substitutions (missing ones empty), and `$$` a dollar sign.
 */
export function formatMessage(table: MessageTable, key: string, substitutions: readonly string[] = []): string {
  const entry = table[key] ?? Object.entries(table).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
  if (!entry) return "";
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/giu, (whole, name: string) => placeholders.get(name.toLowerCase())?.content ?? whole)
    .replace(/\$(\$|[1-9])/gu, (_, which: string) => (which === "$" ? "$" : (substitutions[Number(which) - 1] ?? "")));
}

/**
 * The English texts for when the browser gives none: only outside a build (unit tests, where
 * COMMAND is not defined, and the dev server), where the extension API can be missing. Builds
 * leave the table out (the content script has a size budget); see loadMessages for them.
 */
const fallback: MessageTable | undefined = import.meta.env.COMMAND !== "build" ? english : undefined;

/** A build of the content script: content scripts always have the browser's messages (loadMessages says why). */
const contentScriptBuild = import.meta.env.COMMAND === "build" && import.meta.env.ENTRYPOINT === "content";

/** The messages loadMessages read from the extension's own files, when the browser had none. */
let readMessages: MessageTable | undefined;

interface ExtensionScope {
  chrome?: { i18n?: I18nApi; runtime?: RuntimeApi };
  browser?: { i18n?: I18nApi; runtime?: RuntimeApi };
}

interface RuntimeApi {
  getURL(path: string): string;
  getManifest(): { default_locale?: string };
}

function nativeI18n(): I18nApi | undefined {
  const scope = globalThis as ExtensionScope;
  return scope.chrome?.i18n ?? scope.browser?.i18n;
}

/** The text of `key` in the browser's language (English when the browser has no translation). */
export function t<K extends MessageKey>(key: K, ...substitutions: Substitutions<K>): string {
  try {
    const text = nativeI18n()?.getMessage(key, substitutions);
    if (text) return text;
  } catch {
    // No extension i18n here (unit tests' fake browser throws): English below.
  }
  // A built content script always has the browser's messages and no table: it leaves formatMessage out.
  if (contentScriptBuild) return key;
  for (const table of [readMessages, fallback]) {
    const text = table ? formatMessage(table, key, substitutions) : "";
    if (text) return text;
  }
  return key;
}

/** The language the messages are in ("en", "fr"), for `lang` attributes; undefined without messages. */
export function messagesLanguage(): string | undefined {
  const language = t("locale");
  return language === "locale" ? undefined : language;
}

/**
 * Chromium sometimes starts an extension's own process (service worker, side panel) without its
 * messages: every `getMessage` there answers "" for the whole session (seen in about one launch in
 * four of a freshly loaded unpacked extension; content scripts are not affected). When that is so,
 * reads the `_locales` files as the browser would (UI language, then its language alone, then the
 * default locale, key by key), so `t` still speaks the user's language. Call before rendering an
 * extension page; a no-op where the browser's messages are there.
 */
export async function loadMessages(): Promise<void> {
  readMessages = undefined;
  const scope = globalThis as ExtensionScope;
  const i18n = nativeI18n();
  const runtime = scope.chrome?.runtime ?? scope.browser?.runtime;
  if (!i18n || !runtime) return;
  let ui: string;
  let defaultLocale: string;
  try {
    // A predefined message: never empty where the browser has the extension's messages.
    if (i18n.getMessage("@@ui_locale")) return;
    ui = (i18n.getUILanguage?.() ?? "").replace("-", "_");
    defaultLocale = runtime.getManifest().default_locale ?? "en";
  } catch {
    return;
  }
  const locales = [...new Set([ui, ui.split("_")[0] ?? "", defaultLocale].filter(Boolean))];
  const tables = await Promise.all(
    locales.map(async (locale) => {
      try {
        const response = await fetch(runtime.getURL(`_locales/${locale}/messages.json`));
        return response.ok ? ((await response.json()) as MessageTable) : {};
      } catch {
        return {};
      }
    }),
  );
  // The first locale that has a key wins, as in the browser.
  readMessages = Object.assign({}, ...tables.reverse());
}
