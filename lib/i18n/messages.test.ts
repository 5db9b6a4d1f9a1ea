import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import english from "../../public/_locales/en/messages.json";
import french from "../../public/_locales/fr/messages.json";
import { ratingTag } from "../sync/rating-tag";
import { fakeI18n, speakFrench } from "./fake-i18n";
import { formatMessage, loadMessages, type MessageTable, t } from "./messages";

const root = join(import.meta.dirname, "../..");
const locales: Record<string, MessageTable> = { en: english, fr: french };

/** The `$NAME$` references in a message, lower case, sorted. */
function references(message: string): string[] {
  return [...message.matchAll(/\$([a-z0-9_@]+)\$/giu)].map((match) => (match[1] ?? "").toLowerCase()).sort();
}

function placeholderShape(entry: MessageTable[string]): Record<string, string> {
  return Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/u.test(name) && !/\.test\.tsx?$/u.test(name) ? [path] : [];
  });
}

/** The keys the manifest refers to as `__MSG_…__` (lib/manifest/manifest.ts). */
const manifestKeys = ["extName", "extDescription", "actionTitle", "commandRateYes", "commandRateMaybe", "commandRateNo"];

describe("the _locales message files", () => {
  it("has the same keys in English and French", () => {
    expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
  });

  it("uses the browser's key syntax, unique regardless of case", () => {
    const keys = Object.keys(english);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_]+$/u);
    expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length);
  });

  it("gives every message the same placeholders in both languages, and uses each of them", () => {
    for (const [key, entry] of Object.entries(english as MessageTable)) {
      const translated = (french as MessageTable)[key];
      expect(translated, key).toBeDefined();
      if (!translated) continue;
      expect(placeholderShape(translated), key).toEqual(placeholderShape(entry));
      for (const [language, message] of [
        ["en", entry.message],
        ["fr", translated.message],
      ] as const) {
        expect(references(message), `${language} ${key}`).toEqual(Object.keys(placeholderShape(entry)).sort());
        expect(message.trim(), `${language} ${key} is empty`).not.toBe("");
        // A lone "$" would be read as a placeholder by the browser: write "$$".
        expect(message.replace(/\$[a-z0-9_@]+\$/giu, "").replace(/\$\$/gu, ""), `${language} ${key}`).not.toContain("$");
      }
    }
  });

  it("keeps the manifest's texts within the stores' limits", () => {
    for (const [language, messages] of Object.entries(locales)) {
      expect(messages.extName?.message.length, language).toBeLessThanOrEqual(75);
      expect(messages.extDescription?.message.length, language).toBeLessThanOrEqual(132);
      for (const key of manifestKeys) expect(messages[key], `${language} ${key}`).toBeDefined();
    }
  });

  it("has a message for every key the code asks for, and no message nobody uses", () => {
    const used = new Set<string>(manifestKeys);
    const unknown: string[] = [];
    const files = [
      ...sourceFiles(join(root, "components")),
      ...sourceFiles(join(root, "lib")),
      ...sourceFiles(join(root, "entrypoints")),
    ];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      // t("key" …) and key tables (`: "key"` values typed MessageKey) both name keys as string literals.
      for (const match of text.matchAll(/\bt\(\s*"([A-Za-z0-9_]+)"/gu)) {
        const key = match[1] ?? "";
        used.add(key);
        if (!(key in english)) unknown.push(`${relative(root, file)}: ${key}`);
      }
      for (const key of Object.keys(english)) if (text.includes(`"${key}"`)) used.add(key);
    }
    expect(unknown).toEqual([]);
    expect(Object.keys(english).filter((key) => !used.has(key))).toEqual([]);
  });

  it("names its own language, for the pages' lang attribute", () => {
    expect(english.locale.message).toBe("en");
    expect(french.locale.message).toBe("fr");
  });
});

describe("formatMessage", () => {
  const table: MessageTable = {
    Greeting: { message: "Hello $WHO$, $WHO$ costs $$5 ($2)", placeholders: { who: { content: "$1" } } },
  };

  it("fills placeholders and numbered substitutions, as the browser does", () => {
    expect(formatMessage(table, "greeting", ["Ann", "two"])).toBe("Hello Ann, Ann costs $5 (two)");
    expect(formatMessage(table, "Greeting", ["Ann"])).toBe("Hello Ann, Ann costs $5 ()");
  });

  it("gives an empty text for an unknown key", () => {
    expect(formatMessage(table, "nope")).toBe("");
  });

  it("never reads a substitution's own dollar signs", () => {
    expect(formatMessage(table, "Greeting", ["$1 $$", "x"])).toBe("Hello $1 $$, $1 $$ costs $5 (x)");
  });
});

describe("t", () => {
  it("falls back to English where the browser has no i18n (the unit tests' fake browser)", () => {
    expect(t("widgetSaved")).toBe("Saved to SmartRecruiters");
    expect(t("widgetQueued", "Offline.")).toBe("Queued: Offline.");
    expect(t("statusConnectedWith", "Connected to SmartRecruiters", "an API key", "sr.example")).toBe(
      "Connected to SmartRecruiters with an API key (sr.example)",
    );
  });

  it("asks the browser, with the substitutions", () => {
    const getMessage = speakFrench();
    expect(t("widgetQueued", "Hors ligne.")).toBe("En attente : Hors ligne.");
    expect(getMessage).toHaveBeenCalledWith("widgetQueued", ["Hors ligne."]);
    expect(t("ratingMaybe")).toBe("Peut-être");
  });

  it("uses English for a key the browser does not know", () => {
    vi.spyOn(fakeI18n(), "getMessage").mockReturnValue("");
    expect(t("ratingYes")).toBe("Yes");
  });
});

describe("loadMessages", () => {
  const fake = globalThis as unknown as {
    chrome: { i18n: { getUILanguage(): string }; runtime: { getManifest(): object; getURL(path: string): string } };
  };

  /** The browser lost the extension's messages (every getMessage answers ""); its files are still there. */
  function lostMessages(uiLanguage: string, files: Record<string, MessageTable>) {
    vi.spyOn(fakeI18n(), "getMessage").mockReturnValue("");
    vi.spyOn(fake.chrome.i18n, "getUILanguage").mockReturnValue(uiLanguage);
    vi.spyOn(fake.chrome.runtime, "getManifest").mockReturnValue({ default_locale: "en" });
    const fetched: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      const url = String(input);
      fetched.push(url);
      const locale = /_locales\/([^/]+)\/messages\.json$/u.exec(url)?.[1] ?? "";
      const table = files[locale];
      return table ? new Response(JSON.stringify(table)) : new Response("", { status: 404 });
    });
    return fetched;
  }

  afterEach(async () => {
    vi.restoreAllMocks();
    await loadMessages(); // forgets what it read
  });

  it("reads the browser's language from the extension's files, as the browser would", async () => {
    const fetched = lostMessages("fr-FR", { fr: french, en: english });
    await loadMessages();
    expect(t("ratingMaybe")).toBe("Peut-être");
    expect(t("widgetQueued", "Hors ligne.")).toBe("En attente : Hors ligne.");
    expect(fetched.map((url) => url.replace(/^.*_locales\//u, ""))).toEqual([
      "fr_FR/messages.json",
      "fr/messages.json",
      "en/messages.json",
    ]);
  });

  it("takes a key the language lacks from the default locale", async () => {
    lostMessages("fr", { fr: { ratingYes: { message: "Oui" } }, en: english });
    await loadMessages();
    expect(t("ratingYes")).toBe("Oui");
    expect(t("ratingNo")).toBe("No");
  });

  it("does nothing where the browser has the messages", async () => {
    speakFrench();
    const fetch = vi.spyOn(globalThis, "fetch");
    await loadMessages();
    expect(fetch).not.toHaveBeenCalled();
    expect(t("ratingYes")).toBe("Oui");
  });
});

describe("tags in another language", () => {
  it("stay English: the tag is never translated, whatever the browser's language", () => {
    speakFrench();
    expect(t("ratingYes")).toBe("Oui");
    expect(ratingTag("CSR", "yes")).toBe("hellohire - csr - yes");
    expect(ratingTag("Vendeur  Nuit", "maybe")).toBe("hellohire - vendeur nuit - maybe");
    expect(ratingTag("CSR", "no")).toBe("hellohire - csr - no");
  });

  it("are built, matched and sent by code that never asks for translations", () => {
    // Error texts elsewhere in lib/sync and lib/smartrecruiters are translated; these modules only handle tags.
    const tagCode = ["lib/sync/rating-tag.ts", "lib/sync/apply-rating.ts"];
    const translating = tagCode.filter((file) => /\bt\(|i18n/u.test(readFileSync(join(root, file), "utf8")));
    expect(translating).toEqual([]);
  });
});
