import { MatchPattern } from "wxt/utils/match-patterns";
import { accountToLearn, connectionStatus, connectWithApiKey, disconnect } from "../auth/connection";
import type { EndpointChoice, SignInOutcome } from "../auth/sign-in";
import { hellohireHostPatterns } from "../hellohire/markup";
import { applyMarkupOverride } from "../hellohire/markup-override";
import { t } from "../i18n/messages";
import {
  type AnswerOf,
  type CandidateDetailsResponse,
  type ConnectionStatus,
  type Failure,
  isContentRequest,
  type PageConfig,
  parseRequest,
  type RequestOf,
  type RequestType,
  type ResponseOf,
  type SendTabCommand,
  type TabSetup,
} from "../messaging/protocol";
import { type SenderInfo, senderRole, type TrustedSenders } from "../messaging/sender";
import { cachedPolicy, isHostPattern } from "../settings/policy";
import { readSettings } from "../settings/settings";
import { addUserSite, originOf, parseSetupSelectors, removeUserSetup, saveUserSetup, userSetupFor } from "../settings/user-setup";
import { markTiming } from "../shared/timing";
import { isEmailAddress } from "../sync/email-syntax";
import type { Person } from "../sync/match-candidate";
import { sameText } from "../sync/same-text";
import { failure, type SyncService } from "../sync/service";
import { admitLookup, admitPrefetch, lookedUp, maxDistinctLookups, noteCandidate, personKey } from "./tab-lookups";
import { pickingIn, setPicking } from "./tab-setup";
import { reportingTabs, setTabStatus, tabOrigin, tabStatus } from "./tab-status";

/** The sync service's part the handlers use. */
export type RouterSync = Pick<
  SyncService,
  "lookup" | "rate" | "prefetch" | "reset" | "resumeAfterReconnect" | "retryOrDiscard" | "candidateRecord"
>;

export interface RouterDeps {
  sync: RouterSync;
  trusted: TrustedSenders;
  /** The active tab of the focused window, if any. */
  activeTabId(): Promise<number | null>;
  /** A command to a tab's content script (lib/messaging/send.ts). */
  sendToTab: SendTabCommand;
  /** OAuth sign-in in a browser window (identity.launchWebAuthFlow). */
  signIn(choice: EndpointChoice): Promise<SignInOutcome>;
  /** Asks SmartRecruiters who the connection belongs to (lib/auth/account.ts). */
  learnAccount(): Promise<void>;
  /** Runs the reader by meaning (entrypoints/meaning-reader.ts) in a tab's frame. */
  injectMeaningReader(tabId: number, frameId: number): Promise<void>;
  /** Runs the "Set up this page" picker (entrypoints/setup-picker.ts) in a tab. */
  injectSetupPicker(tabId: number): Promise<void>;
  /** Reads a tab's redacted page structure (entrypoints/page-structure.ts): what that script answered. */
  readPageStructure(tabId: number): Promise<unknown>;
}

const refused = (message: string): Failure => ({ status: "error", kind: "forbidden", message });

/** The page's own words for a person, checked before anything is asked of SmartRecruiters. */
const invalidEmail = (person: Person): boolean => person.email !== null && !isEmailAddress(person.email.trim());

/** A tab's lookup: the email's syntax first, then the tab's bound on distinct people, then the search (never a write). */
async function lookupForTab(request: RequestOf<"lookup">, { tabId, deps }: HandlerContext): Promise<ResponseOf<"lookup">> {
  const { interviewName, jobTitle, candidate } = request;
  if (invalidEmail(candidate)) return { status: "error", kind: "invalid-request", message: t("errEmailInvalid") };
  if (tabId === null) return refused("Only pages look candidates up.");
  if (!(await admitLookup(tabId, { interviewName, jobTitle, person: candidate })))
    return { status: "error", kind: "rate-limited", message: t("errTooManyLookups", String(maxDistinctLookups)) };
  const answer = await deps.sync.lookup(interviewName, candidate, jobTitle);
  const found = "candidateId" in answer ? answer.candidateId : null;
  const needsMatch = answer.status === "not-found" ? answer.createAndUpdate : "renameDue" in answer && answer.renameDue === true;
  // Not found: a placeholder of an earlier rating (a create still queued) stays this person's.
  await noteCandidate(tabId, candidate, interviewName, found ? { candidateId: found, needsMatch } : { needsMatch });
  return answer;
}

/**
 * A tab's rating: only for the person the tab shows now (its last page status), under its current
 * interview name, and looked up for that tab; the candidate's ID comes from that lookup, never from the page.
 */
async function rateForTab(request: RequestOf<"rate">, { tabId, deps }: HandlerContext): Promise<ResponseOf<"rate">> {
  markTiming("rate-received");
  const { interviewName, candidate, rating } = request;
  if (tabId === null) return refused(t("errRateNotLookedUp"));
  const [looked, page] = await Promise.all([lookedUp(tabId, candidate, interviewName), tabStatus(tabId)]);
  const showing =
    page?.kind === "one-on-one" &&
    page.candidate !== undefined &&
    personKey(page.candidate) === personKey(candidate) &&
    sameText(page.interviewName ?? "", interviewName);
  if (!looked || !showing) return refused(t("errRateNotLookedUp"));
  const match = looked.needsMatch ? { person: looked.person, jobTitle: looked.jobTitle } : null;
  const answer = await deps.sync.rate({ candidateId: looked.candidateId, interviewName, rating, match });
  // A placeholder for a candidate still to create: this tab's next rating of them replaces this one.
  if (answer.status !== "error" && answer.moved && looked.candidateId !== answer.moved.candidateId)
    await noteCandidate(tabId, candidate, interviewName, {
      candidateId: answer.moved.candidateId,
      needsMatch: answer.moved.profileUrl === null,
    });
  return answer;
}

/**
 * The page's configuration: the organisation's markup override wins over the interviewer's own for the site. The
 * override is checked here, all or nothing (the content script checks only selector syntax, which takes a DOM).
 */
async function pageConfig(origin: string | null): Promise<PageConfig> {
  const [settings, { policy }, setup] = await Promise.all([readSettings(), cachedPolicy.getValue(), userSetupFor(origin)]);
  const enabled = settings.integrationEnabled;
  const [override, overrideSource] =
    policy.selectorOverrides !== undefined
      ? [policy.selectorOverrides, "policy" as const]
      : setup
        ? [setup.override, "user" as const]
        : [null, null];
  const checked = applyMarkupOverride(override);
  if (!checked.ok) return { status: "ok", enabled, markup: null, overrideSource, overrideProblems: checked.problems };
  return { status: "ok", enabled, markup: overrideSource ? checked.markup : null, overrideSource };
}

/** Whether the extension knows this site as Hellohire's (its own list, or the organisation's policy). */
async function knownSite(origin: string): Promise<boolean> {
  const { policy } = await cachedPolicy.getValue();
  return [...hellohireHostPatterns, ...(policy.hellohireHostPatterns ?? [])].some((pattern) => {
    try {
      return new MatchPattern(pattern).includes(`${origin}/`);
    } catch {
      return false;
    }
  });
}

/** The active tab's set-up: the site's saved override (if any) and where the picker is at. */
async function tabSetup(tabId: number): Promise<TabSetup | null> {
  const origin = await tabOrigin(tabId);
  if (!origin) return null;
  const [setup, known, picking, { policy }] = await Promise.all([
    userSetupFor(origin),
    knownSite(origin),
    pickingIn(tabId),
    cachedPolicy.getValue(),
  ]);
  return {
    origin,
    selectors: setup?.override.selectors ?? null,
    knownSite: known,
    picking,
    policyOverride: policy.selectorOverrides !== undefined,
  };
}

/** Every open tab of the site hears that its set-up changed (each asks its configuration again). */
async function tellTabsOfSite(origin: string, deps: RouterDeps): Promise<void> {
  const tabs = await reportingTabs();
  const origins = await Promise.all(tabs.map((tab) => tabOrigin(tab)));
  await Promise.all(
    tabs
      .filter((_, index) => origins[index] === origin)
      .map((tab) => deps.sendToTab(tab, { type: "configChanged" }).catch(() => undefined)),
  );
}

/** The picker's clicks became selectors: they are the interviewer's own override for the sending page's site. */
async function savePickedSetup(request: RequestOf<"setupPicked">, { tabId, origin, frameId, deps }: HandlerContext) {
  const selectors = parseSetupSelectors({ selectors: request.selectors });
  // Only the picker the side panel started in this tab, in its top frame, saves a set-up.
  const picking = tabId === null ? null : await pickingIn(tabId);
  if (tabId === null || !origin || !selectors || picking === null || frameId !== 0) return refused(t("errSetupInvalid"));
  await saveUserSetup(origin, { selectors });
  await setPicking(tabId, null);
  await tellTabsOfSite(origin, deps);
  return { status: "ok" as const };
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

/** What a handler knows besides the message: the sending tab (a content script's, else null) and the background's services. */
export interface HandlerContext {
  tabId: number | null;
  /** The sending page's origin (a content script's, from the sender; else null). */
  origin: string | null;
  /** The sending frame in its tab (0: the top frame, or not a content script). */
  frameId: number;
  deps: RouterDeps;
}

/** One handler per message type: each takes its own message and must answer with its own response type. */
export type Handlers = { [T in RequestType]: (request: RequestOf<T>, context: HandlerContext) => Promise<ResponseOf<T>> };

const handlers: Handlers = {
  lookup: lookupForTab,
  rate: rateForTab,
  async prefetch(request, { tabId, deps }) {
    const valid = request.emails.filter((email) => isEmailAddress(email.trim()));
    if (tabId !== null) await deps.sync.prefetch(await admitPrefetch(tabId, valid));
    return { status: "ok" };
  },
  async pageConfig(_request, { tabId, origin, frameId }) {
    // A page (re)loaded in the tab's top frame: a picker that ran in the page before is gone with it.
    if (tabId !== null && frameId === 0 && (await pickingIn(tabId)) !== null) await setPicking(tabId, null);
    return pageConfig(origin);
  },
  async pageStatus(request, { tabId, origin }) {
    if (tabId !== null) await setTabStatus(tabId, request.status, origin);
    return { status: "ok" };
  },
  async setupProgress(request, { tabId }) {
    if (tabId !== null) await setPicking(tabId, request.step === "cancelled" ? null : request.step);
    return { status: "ok" };
  },
  setupPicked: savePickedSetup,
  async loadMeaningReader(_request, { tabId, frameId, deps }) {
    if (tabId === null) return refused("Only pages load the reader.");
    try {
      await deps.injectMeaningReader(tabId, frameId);
      return { status: "ok" };
    } catch {
      return refused("The reader could not be loaded in this page.");
    }
  },
  async startSetup(_request, { deps }) {
    const active = await deps.activeTabId();
    if (active === null) return refused(t("errNoHellohireTab"));
    try {
      await deps.injectSetupPicker(active);
      await setPicking(active, "name");
      return { status: "ok" };
    } catch {
      return refused(t("errNotHellohirePage"));
    }
  },
  async useOnSite(request) {
    if (!isHostPattern(request.pattern)) return { status: "error", kind: "invalid-request", message: t("errSiteInvalid") };
    await addUserSite(request.pattern);
    return { status: "ok" };
  },
  async removeSetup(_request, { deps }) {
    const active = await deps.activeTabId();
    const origin = active === null ? null : await tabOrigin(active);
    if (active === null || !origin) return refused(t("errNoHellohireTab"));
    await removeUserSetup(origin);
    await tellTabsOfSite(origin, deps);
    return { status: "ok" };
  },
  getStatus: async (_request, { deps }) => ({ status: "ok", connection: await statusLearningAccount(deps) }),
  async connectOAuth(request, { deps }) {
    try {
      const outcome = await deps.signIn(request.endpoints);
      if (outcome === "connected") resumeWrites(deps);
      return { status: outcome === "connected" ? "ok" : "cancelled", connection: await statusLearningAccount(deps) };
    } catch (error) {
      return failure(error);
    }
  },
  async connectApiKey(request, { deps }) {
    try {
      await connectWithApiKey({ apiKey: request.apiKey, ...request.endpoints });
      resumeWrites(deps);
      return { status: "ok", connection: await statusLearningAccount(deps) };
    } catch (error) {
      return failure(error);
    }
  },
  async disconnect(_request, { deps }) {
    deps.sync.reset();
    return { status: "ok", connection: await disconnect() };
  },
  async outboxAction(request, { deps }) {
    await deps.sync.retryOrDiscard(request.id, request.action);
    return { status: "ok" };
  },
  async activeTab(_request, { deps }) {
    const active = await deps.activeTabId();
    if (active === null) return { status: "ok", page: null, setup: null };
    const [page, setup] = await Promise.all([tabStatus(active), tabSetup(active)]);
    return { status: "ok", page, setup };
  },
  candidateDetails: (_request, { deps }) => candidateDetails(deps),
  async copyPageStructure(_request, { deps }) {
    const active = await deps.activeTabId();
    if (active === null) return refused(t("errNoHellohireTab"));
    // Only a tab whose content script has said what its page shows: a Hellohire page.
    if ((await tabStatus(active)) === null) return refused(t("errNotHellohirePage"));
    try {
      const structure = await deps.readPageStructure(active);
      return typeof structure === "string" ? { status: "ok", structure } : refused(t("errNotHellohirePage"));
    } catch {
      return refused(t("errNotHellohirePage"));
    }
  },
};

function handle<T extends RequestType>(request: RequestOf<T>, context: HandlerContext): Promise<ResponseOf<T>> {
  const handler = handlers[request.type];
  return handler(request, context);
}

/** Any answer of the background. */
export type Answer = AnswerOf<RequestType>;

/**
 * Answers a runtime message: only our own pages, and our content script on allowed Hellohire pages
 * (for its own page's work only). Everything else is refused without touching any state.
 */
export async function route(message: unknown, sender: SenderInfo, deps: RouterDeps): Promise<Answer> {
  const role = senderRole(sender, deps.trusted);
  if (!role) return refused("Unknown sender.");
  const request = parseRequest(message);
  if (!request) return { status: "error", kind: "invalid-request", message: "Malformed request." } satisfies Failure;
  if (role === "content-script" && !isContentRequest(request)) return refused("Not allowed from a web page.");
  if (role === "extension-page" && isContentRequest(request) && request.type === "pageStatus")
    return refused("Only pages report status.");
  const fromPage = role === "content-script";
  return handle(request, {
    tabId: fromPage ? (sender.tab?.id ?? null) : null,
    origin: fromPage ? originOf(sender.url) : null,
    frameId: fromPage ? (sender.frameId ?? 0) : 0,
    deps,
  });
}
