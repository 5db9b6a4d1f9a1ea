import type { ContentRequestType, SendMessage } from "../messaging/protocol";

/**
 * The few extension APIs the content script uses, taken from the browser itself: Chromium's
 * MV3 `chrome` and Firefox's `browser` both return promises, so the content script needs no
 * polyfill (which keeps it within its size budget). No storage: what it needs comes by message
 * from the background (lib/messaging/protocol.ts), never through storage or its change events.
 */
export interface MessageSender {
  id?: string;
  tab?: unknown;
  /** The sending page's address (an extension page's own, for one of ours). */
  url?: string;
}

export type MessageListener = (
  message: unknown,
  sender: MessageSender,
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

export interface ContentExtensionApi {
  runtime: {
    id?: string;
    /** The extension's own address for a path: getURL("") is its origin, e.g. chrome-extension://<id>/. */
    getURL(path: string): string;
    /** To the background: only the content script's own messages, each answered with its own type (lib/messaging/protocol.ts). */
    sendMessage: SendMessage<ContentRequestType>;
    onMessage: { addListener(listener: MessageListener): void; removeListener(listener: MessageListener): void };
  };
}

export function contentExtensionApi(): ContentExtensionApi {
  const scope = globalThis as { browser?: ContentExtensionApi; chrome?: ContentExtensionApi };
  const api = scope.browser?.runtime ? scope.browser : scope.chrome;
  if (!api) throw new Error("Extension APIs are not available here.");
  return api;
}
