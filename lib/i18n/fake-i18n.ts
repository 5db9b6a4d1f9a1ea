import { vi } from "vitest";
import french from "../../public/_locales/fr/messages.json";
import { formatMessage } from "./messages";

/**
 * For tests: the fake browser's `i18n.getMessage` answers in French, as Chromium started with
 * `--lang=fr` does (restored after each test by `restoreMocks`).
 */
export function speakFrench() {
  return vi
    .spyOn(fakeI18n(), "getMessage")
    .mockImplementation((key: string, substitutions?: string | string[]) =>
      key === "@@ui_locale"
        ? "fr"
        : formatMessage(french, key, typeof substitutions === "string" ? [substitutions] : (substitutions ?? [])),
    );
}

/** The unit tests' fake browser's i18n (WXT's fake browser stands in for `chrome` and `browser`). */
export function fakeI18n(): { getMessage(key: string, substitutions?: string | string[]): string } {
  return (globalThis as unknown as { chrome: { i18n: ReturnType<typeof fakeI18n> } }).chrome.i18n;
}
