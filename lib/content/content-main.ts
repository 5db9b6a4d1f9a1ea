import { selectorProblems } from "../hellohire/selector-syntax";
import {
  type ContentRequestType,
  parseTabCommand,
  type RequestOf,
  type TabCommandHandlers,
  type TabCommandOf,
  type TabCommandType,
} from "../messaging/protocol";
import type { ContentExtensionApi, MessageListener } from "./extension-api";
import { type InterviewPage, startInterviewPage } from "./interview-page";
import { lazyMeaningReader } from "./meaning-reader-slot";
import { sendUntilAnswered } from "./send-again";

/**
 * The content script's life: asks the background for the page's configuration, runs the interview
 * page while the integration is on, and answers the background's commands: keyboard rating, a setting or
 * policy change, the pending ratings of this tab's candidates. It reads no
 * extension storage: all it knows comes by message. `signal` ends it all (extension reload).
 */
export function runContentScript(
  api: ContentExtensionApi,
  document: Document,
  signal: AbortSignal,
  isAlive?: () => boolean,
): void {
  let running: { controller: AbortController; page: InterviewPage } | null = null;
  const stillHere = () => !signal.aborted && Boolean(api.runtime.id) && (isAlive?.() ?? true);
  // A message the background was not there to answer (Firefox's background page reloading) is sent again.
  const send = <T extends ContentRequestType>(request: RequestOf<T>) =>
    sendUntilAnswered(() => api.runtime.sendMessage(request), stillHere);

  function stop() {
    running?.controller.abort();
    running = null;
  }

  async function configure() {
    const config = await send({ type: "pageConfig" });
    if (signal.aborted) return;
    stop();
    if (config.status !== "ok" || !config.enabled) {
      send({ type: "pageStatus", status: { kind: "disabled" } }).catch(() => undefined);
      return;
    }
    // The background checked the override; selector syntax takes a DOM, so it is checked here.
    const problems = config.overrideProblems ?? (config.markup ? selectorProblems(config.markup) : []);
    const source = config.overrideSource ?? "policy";
    const controller = new AbortController();
    const page = startInterviewPage({
      document,
      send,
      signal: controller.signal,
      ...(isAlive ? { isAlive } : {}),
      readByMeaning: lazyMeaningReader(
        () => send({ type: "loadMeaningReader" }),
        () => running?.page.refresh(),
      ),
      ...(problems.length > 0
        ? { tableSource: "default", overrideProblems: problems, ignoredOverride: source }
        : { tableSource: config.overrideSource ?? "default", ...(config.markup ? { markup: config.markup } : {}) }),
    });
    running = { controller, page };
  }

  const commands: TabCommandHandlers = {
    rateShortcut(command) {
      running?.page.rate(command.rating);
      return { status: "ok" };
    },
    configChanged() {
      configure().catch(() => undefined);
      return { status: "ok" };
    },
    outboxChanged(command) {
      running?.page.outboxChanged(command.entries);
      return { status: "ok" };
    },
  };
  const answer = <T extends TabCommandType>(command: TabCommandOf<T>) => commands[command.type](command);

  const onMessage: MessageListener = (message, sender, sendResponse) => {
    // From the background (no tab), or from one of our own pages: Firefox names a tab for an extension page shown in
    // one (the side panel opened as a tab, the welcome page), Chromium does not. A web page never gets here.
    const ownPage = !sender.tab || (sender.url?.startsWith(api.runtime.getURL("")) ?? false);
    if (sender.id !== api.runtime.id || !ownPage) return undefined;
    const command = parseTabCommand(message);
    if (command) sendResponse(answer(command));
    return undefined;
  };

  api.runtime.onMessage.addListener(onMessage);
  signal.addEventListener("abort", () => {
    api.runtime.onMessage.removeListener(onMessage);
    stop();
  });
  configure().catch(() => undefined);
}
