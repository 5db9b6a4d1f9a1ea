/**
 * How long the content script waits before asking the background again, when its message found no one to answer: 250 ms,
 * then 0.5, 1 and 2 s (under 4 s in all). Firefox's background is a page, and while it reloads (a new version, a crash,
 * a test) a message sent to it fails; a Chromium service worker is started by the message itself.
 */
export const sendAgainDelaysMs = [250, 500, 1000, 2000] as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends with `attempt`, and again after each of sendAgainDelaysMs while it fails and `stillHere()` (the content script
 * still belongs to a running extension: not replaced or removed); then gives up with the last error. The background's
 * handling of each message tolerates it twice (a rating replaces the same candidate's queued one).
 */
export async function sendUntilAnswered<R>(
  attempt: () => Promise<R>,
  stillHere: () => boolean,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<R> {
  for (const delay of [...sendAgainDelaysMs, null]) {
    try {
      return await attempt();
    } catch (error) {
      if (delay === null || !stillHere()) throw error;
      await wait(delay);
    }
  }
  throw new Error("unreachable");
}
