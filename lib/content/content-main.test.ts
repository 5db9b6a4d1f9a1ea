import { afterEach, describe, expect, it, vi } from "vitest";
import { type FakeAnswers, fakeSend } from "../messaging/fake-send";
import { parseRequest, type Request } from "../messaging/protocol";
import { runContentScript } from "./content-main";
import type { ContentExtensionApi, MessageListener } from "./extension-api";

/** The content script with the background answering `answers`; what it sent, and the background's way to command it. */
function start(answers: FakeAnswers) {
  const sent: Request[] = [];
  let listener: MessageListener | undefined;
  const api: ContentExtensionApi = {
    runtime: {
      id: "ext",
      sendMessage: fakeSend(answers, (request) => {
        const parsed = parseRequest(request);
        if (parsed) sent.push(parsed);
      }),
      onMessage: {
        addListener: (added) => {
          listener = added;
        },
        removeListener: () => undefined,
      },
    },
    storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } },
  };
  const controller = new AbortController();
  runContentScript(api, document, controller.signal);
  /** A message as the background sends it: from the extension, not from a tab. */
  const command = (message: unknown, sender: { id?: string; tab?: unknown } = { id: "ext" }) => {
    const answer = vi.fn();
    listener?.(message, sender, answer);
    return answer;
  };
  return { sent, command, stop: () => controller.abort() };
}

describe("runContentScript", () => {
  let stop: () => void = () => undefined;
  afterEach(() => {
    stop();
    document.body.innerHTML = "";
  });

  it("reports the page disabled when the background refuses its configuration", async () => {
    const script = start({
      pageConfig: () => ({ status: "error", kind: "forbidden", message: "Unknown sender." }),
      pageStatus: () => ({ status: "ok" }),
    });
    stop = script.stop;
    await vi.waitFor(() => expect(script.sent).toContainEqual({ type: "pageStatus", status: { kind: "disabled" } }));
  });

  it("answers the background's page-structure command without our widget, and ignores other senders and commands", async () => {
    document.body.innerHTML = "<main><p>Hello</p></main>";
    const script = start({ pageConfig: () => ({ status: "ok", enabled: false, markupOverride: null }) });
    stop = script.stop;
    const answer = script.command({ type: "pageStructure" });
    expect(answer).toHaveBeenCalledWith({ status: "ok", structure: expect.stringContaining("main") });
    expect(script.command({ type: "pageStructure" }, { id: "ext", tab: { id: 1 } })).not.toHaveBeenCalled();
    expect(script.command({ type: "pageStructure" }, { id: "other" })).not.toHaveBeenCalled();
    expect(script.command({ type: "rateShortcut", rating: "definitely" })).not.toHaveBeenCalled();
    expect(script.command({ type: "rateShortcut", rating: "yes" })).toHaveBeenCalledWith({ status: "ok" });
  });
});
