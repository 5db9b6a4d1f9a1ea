import { storage } from "wxt/utils/storage";
import { oneAtATime } from "../shared/one-at-a-time";
import type { OutboxEntry } from "./outbox";

/** The durable outbox: every rating is stored here before it is sent, and stays until it lands. */
export const outboxItem = storage.defineItem<OutboxEntry[]>("local:sync.outbox", { fallback: [], version: 1 });

const queue = oneAtATime();

/** Read-modify-write of the outbox, one at a time, so concurrent enqueues and flushes never lose an entry. */
export function updateOutbox<T>(change: (outbox: OutboxEntry[]) => { outbox: OutboxEntry[]; result: T }): Promise<T> {
  return queue(async () => {
    const { outbox, result } = change(await outboxItem.getValue());
    await outboxItem.setValue(outbox);
    return result;
  });
}
