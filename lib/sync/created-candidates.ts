import { storage } from "wxt/utils/storage";

/**
 * Candidates this browser created in SmartRecruiters, keyed by a SHA-256 of email + last name
 * (no readable candidate data is kept), so a candidate search cannot see is never created twice.
 */
const createdItem = storage.defineItem<Record<string, string>>("local:sync.createdCandidates", { fallback: {}, version: 1 });

async function keyOf(email: string, lastName: string): Promise<string> {
  const text = `${email.trim().toLowerCase()}|${lastName.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase()}`;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export const createdCandidates = {
  async find(email: string, lastName: string): Promise<string | null> {
    return (await createdItem.getValue())[await keyOf(email, lastName)] ?? null;
  },
  async remember(email: string, lastName: string, candidateId: string): Promise<void> {
    const key = await keyOf(email, lastName);
    await createdItem.setValue({ ...(await createdItem.getValue()), [key]: candidateId });
  },
};
