import { oneAtATime } from "../shared/one-at-a-time";
import { protectedItem } from "../shared/protected-item";
import type { OutboxEntry } from "./outbox";

/**
 * The durable outbox: every rating is stored here before it is sent, and stays until it lands. In the
 * extension's IndexedDB: a page can neither read it nor drop or roll back an entry.
 */
export const outboxItem = protectedItem<OutboxEntry[]>("sync.outbox", { fallback: [] });

const queue = oneAtATime();

/** Read-modify-write of the outbox, one at a time, so concurrent enqueues and flushes never lose an entry. */
export function updateOutbox<T>(change: (outbox: OutboxEntry[]) => { outbox: OutboxEntry[]; result: T }): Promise<T> {
  return queue(async () => {
    const { outbox, result } = change(await outboxItem.getValue());
    await outboxItem.setValue(outbox);
    return result;
  });
}
