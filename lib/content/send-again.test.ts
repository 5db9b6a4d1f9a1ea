import { describe, expect, it, vi } from "vitest";
import { sendAgainDelaysMs, sendUntilAnswered } from "./send-again";

const noWait = () => Promise.resolve();

describe("sendUntilAnswered", () => {
  it("answers at once when the background answers", async () => {
    const attempt = vi.fn(async () => "ok");
    await expect(sendUntilAnswered(attempt, () => true, noWait)).resolves.toBe("ok");
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("sends again after 250 ms, 0.5, 1 and 2 s while no one answers (a background page reloading), then has the answer", async () => {
    const waits: number[] = [];
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      if (calls < 4) throw new Error("Could not establish connection. Receiving end does not exist.");
      return "saved";
    };
    await expect(
      sendUntilAnswered(
        attempt,
        () => true,
        async (ms) => void waits.push(ms),
      ),
    ).resolves.toBe("saved");
    expect(waits).toEqual([250, 500, 1000]);
  });

  it("gives up with the last error after the last wait", async () => {
    const attempt = vi.fn(async () => {
      throw new Error("gone");
    });
    await expect(sendUntilAnswered(attempt, () => true, noWait)).rejects.toThrow("gone");
    expect(attempt).toHaveBeenCalledTimes(sendAgainDelaysMs.length + 1);
  });

  it("gives up at once when the extension this script belongs to is gone (updated or removed)", async () => {
    const attempt = vi.fn(async () => {
      throw new Error("Extension context invalidated.");
    });
    await expect(sendUntilAnswered(attempt, () => false, noWait)).rejects.toThrow("invalidated");
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
