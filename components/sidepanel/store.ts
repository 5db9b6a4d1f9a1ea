import { persist, type StateStorage } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import { t } from "../../lib/i18n/messages";
import type {
  CandidateDetailsResponse,
  ConnectionStatus,
  PageRequestType,
  PageStatus,
  RequestOf,
  SendMessage,
  TabSetup,
} from "../../lib/messaging/protocol";
import type { JobMapping } from "../../lib/settings/policy";
import { policyTemplate } from "../../lib/settings/policy-template";
import type { Endpoints, SettingName, UserSettings } from "../../lib/settings/settings";
import { sitePatternOf } from "../../lib/settings/user-setup";
import type { ActivityEntry } from "../../lib/sync/activity";
import type { OutboxEntry } from "../../lib/sync/outbox";
import { bindStore } from "./bound-store";
import { snapshotOptions } from "./snapshot";

export interface PanelBackend {
  /** To the background (lib/messaging/send.ts): the panel's own messages, each answer typed by its message. */
  send: SendMessage<PageRequestType>;
  readSettings(): Promise<UserSettings>;
  managedSettings(): Promise<SettingName[]>;
  /** Policy values the extension ignored as invalid, by key (never the value). */
  policyProblems(): Promise<string[]>;
  /** The policy's jobByInterview (none when absent). */
  jobByInterview?(): Promise<JobMapping>;
  writeSetting(name: SettingName, value: boolean): Promise<void>;
  readOutbox(): Promise<OutboxEntry[]>;
  readActivity(): Promise<ActivityEntry[]>;
  copyText(text: string): Promise<void>;
  /** This extension's ID, for the admin's policy template. */
  extensionId: string;
  /** Where the panel keeps what it last showed, to paint it at once next time (./snapshot.ts). */
  snapshotStorage: StateStorage;
  /** Hellohire addresses the organisation added that this browser has not allowed yet (lib/background/admin-hosts.ts). */
  hostsToAllow(): Promise<string[]>;
  /** permissions.request for those addresses: must start within the click that asked for it. */
  allowHosts(patterns: string[]): Promise<boolean>;
  /** The active tab's address when the browser shows it to the extension (null: it does not). */
  activeTabUrl?(): Promise<string | null>;
}

export interface PanelState {
  /** Null until read (or restored from the last panel's snapshot): the panel shows "Loading…". */
  connection: ConnectionStatus | null;
  settings: UserSettings | null;
  managed: SettingName[];
  policyProblems: string[];
  /** Interview → SmartRecruiters job ID, as the organisation's policy sets it. */
  jobByInterview: JobMapping;
  /** Hellohire addresses the organisation added that the interviewer has not allowed yet. */
  hostsToAllow: string[];
  /** The interviewer said no to them (the last time they were asked). */
  hostsRefused: boolean;
  page: PageStatus | null;
  /** The active tab's site: the interviewer's own set-up there, and where "Set up this page" is at. */
  setup: TabSetup | null;
  /** Result of the last "Copy for your admin" (the set-up as policy JSON). */
  setupCopied: { ok: boolean; text: string } | null;
  setupError: string | null;
  /** "Use on this site": the address field's first value (the active tab's, when known), and the outcome. */
  siteAddress: string;
  siteAdded: "added" | "refused" | "invalid" | null;
  /** Asks the browser for the site of `address` (call it from a click) and runs the extension there. */
  useOnSite(address: string): Promise<void>;
  /** Starts "Set up this page" in the active tab. */
  startSetup(): Promise<void>;
  removeSetup(): Promise<void>;
  copySetupForAdmin(): Promise<void>;
  /** The active tab's candidate as SmartRecruiters has them. */
  candidate: CandidateDetailsResponse | null;
  outbox: OutboxEntry[];
  activity: ActivityEntry[];
  busy: boolean;
  error: string | null;
  /** Result of the last "copy page structure". */
  copied: { ok: true; lines: number; text: string } | { ok: false; message: string; text?: string } | null;
  load(): Promise<void>;
  loadSettings(): Promise<void>;
  loadHosts(): Promise<void>;
  /** Asks the browser to allow the organisation's Hellohire addresses (call it from a click). */
  allowHosts(): Promise<void>;
  loadPage(): Promise<void>;
  loadCandidate(): Promise<void>;
  loadOutbox(): Promise<void>;
  loadActivity(): Promise<void>;
  outboxAction(id: string, action: "retry" | "discard"): Promise<void>;
  setSetting(name: SettingName, value: boolean): Promise<void>;
  /** OAuth in a SmartRecruiters window; closing the window quietly leaves things as they were. */
  connectOAuth(endpoints: Partial<Endpoints>): Promise<boolean>;
  connectApiKey(apiKey: string, endpoints: Partial<Endpoints>): Promise<boolean>;
  loadConnection(): Promise<void>;
  disconnect(): Promise<void>;
  copyPageStructure(): Promise<void>;
  /** A policy file of the current settings, for an admin. */
  copyPolicyTemplate(): Promise<void>;
  templateCopied: { ok: boolean; text: string } | null;
}

export function createPanelStore(backend: PanelBackend) {
  // Reads of the candidate overlap (every outbox change asks for one): only the latest asked may be shown.
  let candidateReads = 0;
  // Settings changes wait for the first fresh read: the snapshot may predate a policy that now locks them.
  let settingsAreFresh = false;
  let settingsRead: () => void = () => undefined;
  const firstSettingsRead = new Promise<void>((resolve) => {
    settingsRead = () => {
      settingsAreFresh = true;
      resolve();
    };
  });
  const api = createStore<PanelState>()(
    persist(
      (set, get) => {
        async function connectWith(request: RequestOf<"connectOAuth" | "connectApiKey">): Promise<boolean> {
          set({ busy: true, error: null });
          const response = await backend.send(request);
          if (response.status === "error") {
            set({ busy: false, error: response.message });
            return false;
          }
          set({ busy: false, connection: response.connection });
          return response.status === "ok";
        }
        return {
          connection: null,
          settings: null,
          managed: [],
          policyProblems: [],
          jobByInterview: {},
          hostsToAllow: [],
          hostsRefused: false,
          page: null,
          setup: null,
          setupCopied: null,
          setupError: null,
          siteAddress: "",
          siteAdded: null,
          candidate: null,
          outbox: [],
          activity: [],
          busy: false,
          error: null,
          copied: null,
          templateCopied: null,
          /**
           * Paints from the snapshot at once when there is one, else as soon as the settings are read; the rest
           * (background round trips, an API call) fills in as it arrives.
           */
          async load() {
            await Promise.all([
              get().loadSettings(),
              get().loadHosts(),
              get().loadConnection(),
              get().loadPage(),
              get().loadOutbox(),
              get().loadActivity(),
            ]);
          },
          async loadSettings() {
            const [settings, managed, policyProblems, jobByInterview] = await Promise.all([
              backend.readSettings(),
              backend.managedSettings(),
              backend.policyProblems(),
              backend.jobByInterview?.() ?? {},
            ]);
            set({ settings, managed, policyProblems, jobByInterview });
            settingsRead();
          },
          async loadHosts() {
            set({ hostsToAllow: await backend.hostsToAllow() });
          },
          async allowHosts() {
            // The request starts before any await: browsers allow it only within the click.
            const asked = backend.allowHosts(get().hostsToAllow);
            const granted = await asked.catch(() => false);
            set({ hostsRefused: !granted });
            await get().loadHosts();
          },
          async loadPage() {
            const [response, siteAddress] = await Promise.all([
              backend.send({ type: "activeTab" }),
              backend.activeTabUrl?.().catch(() => null) ?? Promise.resolve(null),
            ]);
            if (siteAddress !== null && siteAddress !== get().siteAddress) set({ siteAddress, siteAdded: null });
            const setup = response.status === "ok" ? (response.setup ?? null) : null;
            const origin = get().setup?.origin;
            set({
              page: response.status === "ok" ? response.page : null,
              setup,
              copied: null,
              ...(setup?.origin === origin ? {} : { setupCopied: null, setupError: null }),
            });
            await get().loadCandidate();
          },
          async loadCandidate() {
            const read = ++candidateReads;
            const response = await backend.send({ type: "candidateDetails" });
            // An earlier read answering last (on a busy machine: seen in the end-to-end tests) would show old details.
            if (read !== candidateReads) return;
            set({ candidate: response.status === "error" ? null : response });
          },
          async loadActivity() {
            set({ activity: await backend.readActivity() });
          },
          async loadOutbox() {
            set({ outbox: await backend.readOutbox() });
          },
          async outboxAction(id, action) {
            await backend.send({ type: "outboxAction", id, action });
            await get().loadOutbox();
          },
          async setSetting(name, value) {
            if (!settingsAreFresh) await firstSettingsRead;
            if (get().managed.includes(name)) return;
            set((state) => ({ settings: state.settings && { ...state.settings, [name]: value } }));
            await backend.writeSetting(name, value);
            // As in Hellohire's own setup: switching the integration on while not connected starts the sign-in.
            const connection = get().connection;
            if (name === "integrationEnabled" && value && connection && !connection.connected && connection.canSignIn)
              await get().connectOAuth({});
          },
          async copyPolicyTemplate() {
            const { settings, connection } = get();
            if (!settings || !connection) return;
            const text = policyTemplate({
              extensionId: backend.extensionId,
              settings,
              endpoints: connection.endpoints,
              authMode: connection.method ?? "oauth",
            });
            try {
              await backend.copyText(text);
              set({ templateCopied: { ok: true, text } });
            } catch {
              set({ templateCopied: { ok: false, text } });
            }
          },
          async connectOAuth(endpoints) {
            return connectWith({ type: "connectOAuth", endpoints });
          },
          async connectApiKey(apiKey, endpoints) {
            return connectWith({ type: "connectApiKey", apiKey, endpoints });
          },
          async loadConnection() {
            try {
              const status = await backend.send({ type: "getStatus" });
              set(status.status === "ok" ? { connection: status.connection } : { error: status.message });
            } catch {
              set({ error: t("backgroundSilent") });
            }
          },
          async disconnect() {
            set({ busy: true, error: null });
            const response = await backend.send({ type: "disconnect" });
            set(
              response.status === "ok"
                ? { busy: false, connection: response.connection }
                : { busy: false, error: response.message },
            );
          },
          async useOnSite(address) {
            const pattern = sitePatternOf(address);
            if (!pattern) {
              set({ siteAdded: "invalid" });
              return;
            }
            // The request starts before any await: browsers allow it only within the click.
            const granted = await backend.allowHosts([pattern]).catch(() => false);
            if (!granted) {
              set({ siteAdded: "refused" });
              return;
            }
            const response = await backend.send({ type: "useOnSite", pattern });
            set({ siteAdded: response.status === "ok" ? "added" : "invalid" });
          },
          async startSetup() {
            set({ setupError: null, setupCopied: null });
            const response = await backend.send({ type: "startSetup" });
            if (response.status === "error") set({ setupError: response.message });
            await get().loadPage();
          },
          async removeSetup() {
            const response = await backend.send({ type: "removeSetup" });
            set({ setupCopied: null, setupError: response.status === "error" ? response.message : null });
            await get().loadPage();
          },
          async copySetupForAdmin() {
            const { setup } = get();
            if (!setup?.selectors) return;
            const text = setupPolicyJson(setup);
            const ok = await backend.copyText(text).then(
              () => true,
              () => false,
            );
            set({ setupCopied: { ok, text } });
          },
          async copyPageStructure() {
            const response = await backend.send({ type: "copyPageStructure" });
            if (response.status !== "ok") {
              set({ copied: { ok: false, message: response.message } });
              return;
            }
            try {
              await backend.copyText(response.structure);
              set({ copied: { ok: true, lines: response.structure.split("\n").length, text: response.structure } });
            } catch {
              set({
                copied: {
                  ok: false,
                  message: "The clipboard refused the copy: select the structure below and copy it.",
                  text: response.structure,
                },
              });
            }
          },
        };
      },
      snapshotOptions(() => backend.snapshotStorage),
    ),
  );
  return bindStore(api);
}

export type PanelStore = ReturnType<typeof createPanelStore>;

/**
 * The interviewer's set-up as an organisation's policy (docs/admin.md): its selectorOverrides, and the site's
 * address as hellohireHostPatterns when the extension does not know it as Hellohire's.
 */
export function setupPolicyJson(setup: TabSetup): string {
  const policy = {
    selectorOverrides: { selectors: setup.selectors ?? {} },
    ...(setup.knownSite ? {} : { hellohireHostPatterns: [sitePatternOf(setup.origin) ?? `${setup.origin}/*`] }),
  };
  return JSON.stringify(policy, null, 2);
}
