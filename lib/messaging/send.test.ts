import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ConnectResponse, Done, Failure } from "./protocol";
import { sendMessage, sendTabCommand } from "./send";

describe("typed sends", () => {
  const tabsSend = fakeBrowser.tabs.sendMessage;
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    fakeBrowser.tabs.sendMessage = tabsSend;
  });

  it("sends a message to the background and gives back its answer, typed by the message", async () => {
    const answer: ConnectResponse = { status: "error", kind: "not-connected", message: "Refused." };
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      received.push(message);
      sendResponse(answer);
      return true;
    });
    const response = sendMessage({ type: "connectApiKey", apiKey: "k", endpoints: {} });
    expectTypeOf(response).resolves.toEqualTypeOf<ConnectResponse | Failure>();
    expect(await response).toEqual(answer);
    expect(received).toEqual([{ type: "connectApiKey", apiKey: "k", endpoints: {} }]);
  });

  it("sends a command to the tab's top frame only", async () => {
    const answer: Done = { status: "ok" };
    const spy = vi.fn(async (_tabId: number, _command: unknown, _options?: unknown) => answer);
    fakeBrowser.tabs.sendMessage = spy;
    const response = sendTabCommand(7, { type: "rateShortcut", rating: "yes" });
    expectTypeOf(response).resolves.toEqualTypeOf<Done>();
    expect(await response).toEqual(answer);
    expect(spy).toHaveBeenCalledWith(7, { type: "rateShortcut", rating: "yes" }, { frameId: 0 });
  });

  it("does not compile a message with a wrong field or of an unknown type", () => {
    // Only type-checked (tsc): never sent.
    const never = () => {
      // @ts-expect-error a rating that does not exist
      sendMessage({ type: "rate", interviewName: "CSR", candidateId: "c1", rating: "definitely" });
      // @ts-expect-error no such message
      sendMessage({ type: "getToken" });
      // @ts-expect-error a command without its rating
      sendTabCommand(1, { type: "rateShortcut" });
    };
    expect(never).toBeTypeOf("function");
  });
});
