import { browser } from "wxt/browser";
import type { AnswerOf, RequestOf, RequestType, TabCommandOf, TabCommandType, TabResponseOf } from "./protocol";

/**
 * Sends a message to the background (from the side panel): the answer's type is the one the protocol
 * gives that message's type, refusals included.
 */
export function sendMessage<T extends RequestType>(request: RequestOf<T>): Promise<AnswerOf<T>> {
  return browser.runtime.sendMessage<RequestOf<T>, AnswerOf<T>>(request);
}

/** Sends a command to the content script of a tab's top frame (from the background), typed the same way. */
export function sendTabCommand<T extends TabCommandType>(tabId: number, command: TabCommandOf<T>): Promise<TabResponseOf<T>> {
  return browser.tabs.sendMessage<TabCommandOf<T>, TabResponseOf<T>>(tabId, command, { frameId: 0 });
}
