import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { loadInstallSecret } from "./created-candidates-secret";

async function signature(key: CryptoKey): Promise<string> {
  const signed = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode("ann@example.com|lee"));
  return [...new Uint8Array(signed)].join(",");
}

describe("install secret", () => {
  it("is made once per install and found again at the next start", async () => {
    const install = new IDBFactory();
    const first = await loadInstallSecret(install);
    const again = await loadInstallSecret(install);
    expect(await signature(again)).toBe(await signature(first));
  });

  it("differs from one install to another", async () => {
    const mine = await loadInstallSecret(new IDBFactory());
    const other = await loadInstallSecret(new IDBFactory());
    expect(await signature(other)).not.toBe(await signature(mine));
  });

  it("is one secret when two starts race on a new install", async () => {
    const install = new IDBFactory();
    const [a, b] = await Promise.all([loadInstallSecret(install), loadInstallSecret(install)]);
    expect(await signature(b)).toBe(await signature(a));
    expect(await signature(await loadInstallSecret(install))).toBe(await signature(a));
  });

  it("cannot be read out, only used to sign", async () => {
    const key = await loadInstallSecret(new IDBFactory());
    expect(key.extractable).toBe(false);
    expect(key.usages).toEqual(["sign"]);
    await expect(crypto.subtle.exportKey("raw", key)).rejects.toThrow();
  });
});
