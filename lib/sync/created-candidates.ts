import { storage } from "wxt/utils/storage";
import { oneAtATime } from "../shared/one-at-a-time";
import { normaliseText } from "./same-text";

/**
 * Candidates this browser created in SmartRecruiters, keyed by a SHA-256 of email + last name
 * (no readable candidate data is kept), so a candidate search cannot see (talent pool only) is
 * never created twice. A create whose answer was lost in the talent pool is remembered as
 * unconfirmed: search cannot tell whether it happened, so it is never sent blindly again.
 */
const createdItem = storage.defineItem<Record<string, string>>("local:sync.createdCandidates", { fallback: {}, version: 1 });

const unconfirmed = "?";

async function keyOf(email: string, lastName: string): Promise<string> {
  const text = `${email.trim().toLowerCase()}|${normaliseText(lastName)}`;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

const queue = oneAtATime();

/** One change at a time: creates for different people at once must not lose each other's entry. */
async function change(email: string, lastName: string, value: string | null): Promise<void> {
  const key = await keyOf(email, lastName);
  await queue(async () => {
    const all = { ...(await createdItem.getValue()) };
    if (value === null) delete all[key];
    else all[key] = value;
    await createdItem.setValue(all);
  });
}

export type CreatedMemory = {
  find(email: string, lastName: string): Promise<{ id: string } | { unconfirmed: true } | null>;
  remember(email: string, lastName: string, candidateId: string): Promise<void>;
  rememberUnconfirmed(email: string, lastName: string): Promise<void>;
  forget(email: string, lastName: string): Promise<void>;
};

export const createdCandidates: CreatedMemory = {
  async find(email, lastName) {
    const value = (await createdItem.getValue())[await keyOf(email, lastName)];
    if (!value) return null;
    return value === unconfirmed ? { unconfirmed: true } : { id: value };
  },
  remember: (email, lastName, candidateId) => change(email, lastName, candidateId),
  rememberUnconfirmed: (email, lastName) => change(email, lastName, unconfirmed),
  forget: (email, lastName) => change(email, lastName, null),
};
