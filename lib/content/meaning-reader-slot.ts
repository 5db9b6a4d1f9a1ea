import type { PageReading } from "../hellohire/read-page";

export type ReadByMeaning = (document: Document) => PageReading;

declare global {
  /** The reader by meaning, once injected (entrypoints/meaning-reader.ts): in the extension's isolated world, out of the page's reach. */
  var srhReadByMeaning: ReadByMeaning | undefined;
}

/** How long a failed load waits before it is asked again. */
const retryMs = 10_000;

/**
 * The reader by meaning, loaded only on a page the markup table cannot read: most pages never pay for
 * it. Until it is there, it reads nothing, asks the background (once) to inject it, and calls `onReady`
 * when it arrives, so the page is read again at once.
 */
export function lazyMeaningReader(load: () => Promise<unknown>, onReady: () => void): ReadByMeaning {
  let askedAt = Number.NEGATIVE_INFINITY;
  return (document) => {
    // A page element with that id is a window property too (named access): only our function counts.
    const reader = globalThis.srhReadByMeaning;
    if (typeof reader === "function") return reader(document);
    const now = Date.now();
    if (now - askedAt >= retryMs) {
      askedAt = now;
      load()
        .then(() => {
          if (typeof globalThis.srhReadByMeaning === "function") onReady();
        })
        .catch(() => undefined);
    }
    return { kind: "not-interview" };
  };
}
