import { accountToLearn, connectionStatus, connectWithApiKey, disconnect } from "../auth/connection";
import type { EndpointChoice, SignInOutcome } from "../auth/sign-in";
import { setTabStatus, tabStatus } from "../background/tab-status";
import { t } from "../i18n/messages";
import { cachedPolicy } from "../settings/policy";
import { readSettings } from "../settings/settings";
import { failure, type SyncService } from "../sync/service";
import {
  type CandidateDetailsResponse,
  type ConnectionStatus,
  type Failure,
  isContentRequest,
  type PageConfig,
  parseRequest,
  type Request,
  type TabCommand,
} from "./protocol";
import { type SenderInfo, senderRole, type TrustedSenders } from "./sender";

export interface RouterDeps {
  sync: SyncService;
  trusted: TrustedSenders;
  /** The active tab of the focused window, if any. */
  activeTabId(): Promise<number | null>;
  sendToTab(tabId: number, command: TabCommand): Promise<unknown>;
  /** OAuth sign-in in a browser window (identity.launchWebAuthFlow). */
  signIn(choice: EndpointChoice): Promise<SignInOutcome>;
  /** Asks SmartRecruiters who the connection belongs to (lib/auth/account.ts). */
  learnAccount(): Promise<void>;
}

const refused = (message: string): Failure => ({ status: "error", kind: "forbidden", message });

async function pageConfig(): Promise<PageConfig> {
  const [settings, { policy }] = await Promise.all([readSettings(), cachedPolicy.getValue()]);
  return { enabled: settings.integrationEnabled, markupOverride: policy.selectorOverrides ?? null };
}

async function candidateDetails(deps: RouterDeps): Promise<CandidateDetailsResponse> {
  const active = await deps.activeTabId();
  const page = active === null ? null : await tabStatus(active);
  if (page?.kind !== "one-on-one" || !page.candidate || page.interviewName === undefined) return { status: "no-candidate" };
  const match = await deps.sync.lookup(page.interviewName, page.candidate, page.jobTitle ?? null);
  const base = { status: "ok" as const, interviewName: page.interviewName, candidate: page.candidate, match };
  if (!("candidateId" in match)) return base;
  try {
    return { ...base, record: await deps.sync.candidateRecord(match.candidateId) };
  } catch (error) {
    return { ...base, recordError: failure(error).message };
  }
}

/** A new sign-in: forget what the old credential learnt, then send the writes that waited for it. */
function resumeWrites(deps: RouterDeps): void {
  deps.sync.reset();
  deps.sync.resumeAfterReconnect().catch(() => undefined);
}

/** The connection's status; who it belongs to is asked for in the background when not known yet. */
async function statusLearningAccount(deps: RouterDeps): Promise<ConnectionStatus> {
  const status = await connectionStatus();
  if (await accountToLearn(status)) deps.learnAccount().catch(() => undefined);
  return status;
}

async function handle(request: Request, tabId: number | null, deps: RouterDeps): Promise<unknown> {
  switch (request.type) {
    case "lookup":
      return deps.sync.lookup(request.interviewName, request.candidate, request.jobTitle);
    case "rate":
      return deps.sync.rate(request.candidateId, request.interviewName, request.rating);
    case "prefetch":
      await deps.sync.prefetch(request.emails);
      return { status: "ok" };
    case "pageConfig":
      return pageConfig();
    case "pageStatus":
      if (tabId !== null) await setTabStatus(tabId, request.status);
      return { status: "ok" };
    case "getStatus":
      return { status: "ok", connection: await statusLearningAccount(deps) };
    case "connectOAuth":
      try {
        const outcome = await deps.signIn(request.endpoints);
        if (outcome === "connected") resumeWrites(deps);
        return { status: outcome === "connected" ? "ok" : "cancelled", connection: await statusLearningAccount(deps) };
      } catch (error) {
        return failure(error);
      }
    case "connectApiKey":
      try {
        await connectWithApiKey({ apiKey: request.apiKey, ...request.endpoints });
        resumeWrites(deps);
        return { status: "ok", connection: await statusLearningAccount(deps) };
      } catch (error) {
        return failure(error);
      }
    case "disconnect":
      deps.sync.reset();
      return { status: "ok", connection: await disconnect() };
    case "outboxAction":
      await deps.sync.retryOrDiscard(request.id, request.action);
      return { status: "ok" };
    case "activeTab": {
      const active = await deps.activeTabId();
      return { status: "ok", page: active === null ? null : await tabStatus(active) };
    }
    case "candidateDetails":
      return candidateDetails(deps);
    case "copyPageStructure": {
      const active = await deps.activeTabId();
      if (active === null) return refused(t("errNoHellohireTab"));
      try {
        return await deps.sendToTab(active, { type: "pageStructure" });
      } catch {
        return refused(t("errNotHellohirePage"));
      }
    }
  }
}

/**
 * Answers a runtime message: only our own pages, and our content script on allowed Hellohire pages
 * (for its own page's work only). Everything else is refused without touching any state.
 */
export async function route(message: unknown, sender: SenderInfo, deps: RouterDeps): Promise<unknown> {
  const role = senderRole(sender, deps.trusted);
  if (!role) return refused("Unknown sender.");
  const request = parseRequest(message);
  if (!request) return { status: "error", kind: "invalid-request", message: "Malformed request." } satisfies Failure;
  if (role === "content-script" && !isContentRequest(request)) return refused("Not allowed from a web page.");
  if (role === "extension-page" && isContentRequest(request) && request.type === "pageStatus")
    return refused("Only pages report status.");
  return handle(request, role === "content-script" ? (sender.tab?.id ?? null) : null, deps);
}
