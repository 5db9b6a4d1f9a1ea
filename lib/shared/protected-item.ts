import { createStore, get, type UseStore, update } from "idb-keyval";
import { browser } from "wxt/browser";
import { isRecord } from "./is-record";

/**
 * What the extension keeps across browser restarts, in the extension origin's IndexedDB: content
 * scripts run in the page's origin and can neither read, write nor delete it (they can all three on
 * `storage.local`). Same surface as the WXT storage items it replaces. Changes reach the listeners
 * of this context at once and the other extension contexts (service worker, side panel) through a
 * BroadcastChannel of the extension's origin, which carries the key only: they read the value again.
 */
export interface ProtectedItem<T> {
  readonly key: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Back to the fallback (kept as an explicit "none", so a late migration never brings the old value back). */
  removeValue(): Promise<void>;
  watch(callback: (newValue: T) => void): () => void;
}

/**
 * How an item was kept in storage.local (WXT's `version` and `migrations`): a value stored under an
 * older version is brought up to date as it moves.
 */
export interface LegacyFormat {
  version: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

/** The keys this extension kept in storage.local before, moved once into IndexedDB. */
export const legacyKeys: readonly string[] = [
  "auth.credential",
  "auth.refresh",
  "auth.problem",
  "settings.integrationEnabled",
  "settings.createAndUpdateCandidates",
  "settings.endpoints",
  "policy.cache",
  "sync.activity",
  "sync.createdCandidates",
  "sync.outbox",
  "sync.writtenRatingTags",
];

const databaseName = "protectedItems";
const storeName = "items";
const channelName = "protected-items";

let database: UseStore | undefined;
/** Opened at the first use, not at import. */
const store = (): UseStore => {
  database ??= createStore(databaseName, storeName);
  return database;
};

/** Items defined in this context that had a storage.local key, with the format they had there. */
const legacyFormats = new Map<string, LegacyFormat>();
/** Each key's migration, run once per context. */
const migrations = new Map<string, Promise<void>>();

type LocalArea = Pick<typeof browser.storage.local, "get" | "remove">;

function upgrade(value: unknown, storedVersion: number, format: LegacyFormat): unknown {
  let upgraded = value;
  for (let version = storedVersion + 1; version <= format.version; version++) {
    const migrate = format.migrations?.[version];
    if (migrate) upgraded = migrate(upgraded);
  }
  return upgraded;
}

/**
 * The legacy keys already moved once: never read from storage.local again, where a content script
 * may have written them since (a planted endpoint or credential must not be imported at the next start).
 */
const movedKey = "legacy.moved";

async function moveKeys(local: LocalArea, keys: string[]): Promise<void> {
  const names = keys.flatMap((key) => [key, `${key}$`]);
  const stored = await local.get(names);
  const moved = new Set((await get<string[]>(movedKey, store())) ?? []);
  for (const key of keys) {
    const format = legacyFormats.get(key);
    if (moved.has(key) || stored[key] === undefined || stored[key] === null || !format) continue;
    const meta = stored[`${key}$`];
    const version = isRecord(meta) && typeof meta.v === "number" ? meta.v : 1;
    const value = upgrade(stored[key], version, format);
    // Only where IndexedDB holds nothing yet: another context may have moved it, or written a newer value since.
    await update(key, (current: unknown) => (current === undefined ? value : current), store());
  }
  await update(movedKey, (before: string[] | undefined) => [...new Set([...(before ?? []), ...keys])], store());
  const left = names.filter((name) => stored[name] !== undefined);
  if (left.length > 0) await local.remove(left);
}

/**
 * Moves the legacy storage.local keys of the items defined in this context into IndexedDB (when it
 * holds no value for them yet), then deletes them from storage.local with WXT's version record
 * (`<key>$`). Once per context; the background and the side panel may both run it. A failed move is
 * tried again at the next call, and storage.local keeps the value until it has moved.
 */
export function migrateLegacyStorage(local: LocalArea = browser.storage.local): Promise<void> {
  const keys = [...legacyFormats.keys()].filter((key) => !migrations.has(key));
  if (keys.length > 0) {
    const run = moveKeys(local, keys).catch((error: unknown) => {
      for (const key of keys) migrations.delete(key);
      throw error;
    });
    for (const key of keys) migrations.set(key, run);
  }
  return Promise.all([...migrations.values()]).then(() => undefined);
}

/** Waits for this key's migration; a failed one leaves the value in storage.local and reads go on without it. */
function migrated(key: string): Promise<void> {
  if (!legacyFormats.has(key)) return Promise.resolve();
  return (migrations.get(key) ?? migrateLegacyStorage()).catch(() => undefined);
}

type Watchers = Map<string, Set<() => void>>;
/** watchKeys() listeners: called on every change of their key, here or in another context. */
const keyWatchers: Watchers = new Map();
/** Items watched in this context: they read the value again when another context changed it. */
const remoteReaders: Watchers = new Map();
let channel: BroadcastChannel | null | undefined;

function run(watchers: Watchers, key: string): void {
  for (const watcher of [...(watchers.get(key) ?? [])]) watcher();
}

function changes(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(channelName);
    if (channel)
      channel.onmessage = (event: MessageEvent<unknown>) => {
        if (!isRecord(event.data) || typeof event.data.key !== "string") return;
        run(keyWatchers, event.data.key);
        run(remoteReaders, event.data.key);
      };
  }
  return channel;
}

function addWatcher(watchers: Watchers, key: string, watcher: () => void): () => void {
  changes();
  const set = watchers.get(key) ?? new Set();
  set.add(watcher);
  watchers.set(key, set);
  return () => set.delete(watcher);
}

/** Calls `onChange` when any of these items changes, here or in another extension context, without reading them. */
export function watchKeys(keys: readonly string[], onChange: () => void): () => void {
  const unwatch = keys.map((key) => addWatcher(keyWatchers, key, onChange));
  return () => {
    for (const stop of unwatch) stop();
  };
}

/** Writes a value and, when it changed, tells this context's watchers and the other contexts. */
async function write(key: string, value: unknown, deliverHere: () => void): Promise<void> {
  let previous: unknown;
  await update(
    key,
    (old: unknown) => {
      previous = old;
      return value;
    },
    store(),
  );
  if (previous !== undefined && JSON.stringify(previous) === JSON.stringify(value)) return;
  deliverHere();
  run(keyWatchers, key);
  changes()?.postMessage({ key });
}

/**
 * An item kept in the extension's IndexedDB. `legacy`: it was kept in storage.local under this key
 * (in WXT's format `version`, with its `migrations`); its first read waits until that value moved.
 */
export function protectedItem<T>(key: string, options: { fallback: T; legacy?: LegacyFormat }): ProtectedItem<T> {
  if (legacyKeys.includes(key)) legacyFormats.set(key, options.legacy ?? { version: 1 });
  const callbacks = new Set<(newValue: T) => void>();
  const deliver = (value: T) => {
    for (const callback of [...callbacks]) callback(value);
  };
  let readingRemoteChanges = false;

  const item: ProtectedItem<T> = {
    key,
    async getValue() {
      await migrated(key);
      const stored = await get<T | null>(key, store());
      return stored ?? structuredClone(options.fallback);
    },
    async setValue(value) {
      await migrated(key);
      await write(key, value, () => deliver(value));
    },
    async removeValue() {
      await migrated(key);
      await write(key, null, () => deliver(structuredClone(options.fallback)));
    },
    watch(callback) {
      callbacks.add(callback);
      if (!readingRemoteChanges) {
        readingRemoteChanges = true;
        addWatcher(remoteReaders, key, () => {
          if (callbacks.size > 0) item.getValue().then(deliver, () => undefined);
        });
      }
      return () => callbacks.delete(callback);
    },
  };
  return item;
}

/** Tests: a fresh database (after replacing `indexedDB`) and migrations to run again. */
export function forgetProtectedStorage(): void {
  database = undefined;
  migrations.clear();
}
