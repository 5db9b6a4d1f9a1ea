import type { Worker } from "playwright-core";

/** One of the extension's own contexts: its worker or an extension page (both evaluate the same way). */
type ExtensionContext = Pick<Worker, "evaluate">;

/**
 * Reads one item the extension keeps in its origin's IndexedDB (lib/shared/protected-item.ts), in
 * one of its own contexts (its worker or an extension page): the only places it can be read.
 * `undefined` when never written, `null` when removed.
 */
export function readProtected<T = unknown>(target: ExtensionContext, key: string): Promise<T | null | undefined> {
  return target.evaluate(
    (name) =>
      new Promise<T | null | undefined>((resolve, reject) => {
        const open = indexedDB.open("protectedItems");
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => open.result.createObjectStore("items");
        open.onsuccess = () => {
          const request = open.result.transaction("items").objectStore("items").get(name);
          request.onsuccess = () => {
            resolve(request.result as T | null | undefined);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    key,
  );
}

/** Writes one item of the extension's IndexedDB, in one of its own contexts (a benchmark's prepared outbox). */
export function writeProtected(target: ExtensionContext, key: string, value: unknown): Promise<void> {
  return target.evaluate(
    ({ name, data }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("protectedItems");
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => open.result.createObjectStore("items");
        open.onsuccess = () => {
          const transaction = open.result.transaction("items", "readwrite");
          transaction.objectStore("items").put(data, name);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { name: key, data: value },
  );
}

/** Every item the extension keeps in its IndexedDB, by key. */
export function allProtected(target: ExtensionContext): Promise<Record<string, unknown>> {
  return target.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open("protectedItems");
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => open.result.createObjectStore("items");
        open.onsuccess = () => {
          const store = open.result.transaction("items").objectStore("items");
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            const all: Record<string, unknown> = {};
            keys.result.forEach((key, index) => {
              all[String(key)] = values.result[index];
            });
            open.result.close();
            resolve(all);
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );
}
