/**
 * This install's secret for the memory of created candidates (./created-candidates.ts): an
 * HMAC-SHA-256 key made once per install, non-extractable (not even this extension can read its
 * bytes, only sign with it), kept in the extension origin's IndexedDB. Content scripts cannot reach
 * that database (they can read storage.local), and it outlives a browser restart (storage.session
 * does not); removing the extension deletes it.
 */
const databaseName = "createdCandidatesSecret";
const storeName = "keys";
const keyName = "hmac";

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== "undefined" && value instanceof CryptoKey;
}

function newSecret(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/** The stored secret, made and stored on first use; when two starts race, both end with the first one stored. */
export async function loadInstallSecret(databases: IDBFactory = indexedDB): Promise<CryptoKey> {
  const opening = databases.open(databaseName, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(storeName);
  const database = await settled(opening);
  try {
    const found: unknown = await settled(database.transaction(storeName).objectStore(storeName).get(keyName));
    if (isCryptoKey(found)) return found;
    const fresh = await newSecret();
    const transaction = database.transaction(storeName, "readwrite");
    const store = transaction.objectStore(storeName);
    const raced: unknown = await settled(store.get(keyName));
    if (!isCryptoKey(raced)) store.put(fresh, keyName);
    await committed(transaction);
    return isCryptoKey(raced) ? raced : fresh;
  } finally {
    database.close();
  }
}

let secret: Promise<CryptoKey> | undefined;

/**
 * The secret, read once per background start. Where IndexedDB is not available (a browser that
 * keeps no site data, say), a secret for this background's life only: the memory then lasts as
 * long, and the lookups keep working.
 */
export function installSecret(): Promise<CryptoKey> {
  secret ??= loadInstallSecret().catch(() => newSecret());
  return secret;
}
