/**
 * What WXT's content-script wrapper constructs and hands to `main`, in place of WXT's own ContentScriptContext:
 * wxt.config.ts aliases `wxt/utils/content-script-context` to this file for content scripts. WXT's announces every
 * start to the page (`window.postMessage` carrying the extension's ID) and stops the script for good when the
 * document hears a "newer copy started" event under that ID, which any page script can send once it has heard the ID
 * (test/e2e/hostile-page.e2e.ts). Ours tells the page nothing; `main` does not use it (startScriptLifetime does the
 * job), and it is a fifth of the size.
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: object,
  ) {}
}

export interface ScriptLifetime {
  /** Aborted when this copy of the script must stop. */
  signal: AbortSignal;
  /** False once the script must stop: reading it notices an extension that is gone. */
  isAlive(): boolean;
}

/** How often a page that stays still is checked for the extension having gone. */
export const aliveCheckMs = 1_000;

/**
 * The content script's lifetime in this frame. It ends when the extension is gone (reloaded, updated, removed: its
 * `runtime.id` is unset), noticed on every isAlive() read and once a second, and when a newer copy of the script
 * starts in the same frame (a site both in the manifest and among an admin's registered hosts). The copies meet in
 * the extension's isolated world (`scope`: its global object), which no page script can reach, under a symbol.
 */
export function startScriptLifetime(
  name: string,
  runtime: { readonly id?: string | undefined },
  scope: object = globalThis,
): ScriptLifetime {
  const lifetime = new AbortController();
  const copies = scope as Record<symbol, AbortController | undefined>;
  const key = Symbol.for(`srh-content-script:${name}`);
  copies[key]?.abort();
  copies[key] = lifetime;
  const isAlive = () => {
    if (!lifetime.signal.aborted && !runtime.id) lifetime.abort();
    return !lifetime.signal.aborted;
  };
  const timer = setInterval(isAlive, aliveCheckMs);
  lifetime.signal.addEventListener("abort", () => {
    clearInterval(timer);
    if (copies[key] === lifetime) copies[key] = undefined;
  });
  return { signal: lifetime.signal, isAlive };
}
