import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { fakeSend } from "../../lib/messaging/fake-send";
import type { CandidateDetailsResponse, ConnectionStatus, LookupResponse, PageStatus } from "../../lib/messaging/protocol";
import type { SettingName, UserSettings } from "../../lib/settings/settings";
import type { ActivityEntry } from "../../lib/sync/activity";
import type { OutboxEntry } from "../../lib/sync/outbox";
import { SidePanel } from "./SidePanel";
import { createPanelStore } from "./store";
import { annDetails, annFound, annInterview, annOnPage, connectionStatus, memoryStorage, refusedWrite } from "./test-fixtures";

interface PanelOptions {
  connected: boolean;
  connectFails?: boolean;
  managed?: SettingName[];
  policyProblems?: string[];
  settings?: Partial<UserSettings>;
  /** Changes to the connection status the background reports. */
  status?: Partial<ConnectionStatus>;
  activity?: ActivityEntry[];
  /** The active tab's candidate as the background reports them. */
  details?: CandidateDetailsResponse;
  /** How the OAuth sign-in ends. */
  signIn?: "ok" | "cancelled" | "error";
  page?: PageStatus | null;
  structure?: string;
  outbox?: OutboxEntry[];
  /** The panel's localStorage (its snapshot of what it last showed); a fresh one by default. */
  snapshotStorage?: ReturnType<typeof memoryStorage>;
  /** Storage reads of the settings that never answer (a slow first read). */
  settingsNeverRead?: boolean;
  /** Hellohire addresses the organisation added that are not allowed yet, and what the browser answers when asked. */
  hosts?: { missing: string[]; grant: boolean };
  /** The background's answer to getStatus waits for this; "fail": the message fails (no background). */
  statusAnswer?: Promise<void> | "fail";
}

function panel(options: PanelOptions) {
  const settings: UserSettings = { integrationEnabled: true, createAndUpdateCandidates: false, ...options.settings };
  const connection = (connected: boolean): ConnectionStatus => ({
    ...connectionStatus(connected),
    ...options.status,
    ...(connected ? { connected: true, method: options.status?.method ?? "apiKey" } : {}),
  });
  /** Every message the panel sends, in order. */
  const send = vi.fn((_request: unknown) => undefined);
  const answers = fakeSend(
    {
      connectApiKey: () =>
        options.connectFails
          ? { status: "error", kind: "not-connected", message: "Not connected to SmartRecruiters: the credential was refused." }
          : { status: "ok", connection: connection(true) },
      connectOAuth: () => {
        if (options.signIn === "error")
          return { status: "error", kind: "no-api-access", message: "Your SmartRecruiters plan does not include API access." };
        return options.signIn === "cancelled"
          ? { status: "cancelled", connection: connection(false) }
          : { status: "ok", connection: { ...connection(true), method: "oauth" } };
      },
      disconnect: () => ({ status: "ok", connection: connection(false) }),
      candidateDetails: () => options.details ?? { status: "no-candidate" },
      activeTab: () => ({ status: "ok", page: options.page ?? null }),
      copyPageStructure: () => ({ status: "ok", structure: options.structure ?? "<html>\n  <body>" }),
      outboxAction: () => ({ status: "ok" }),
      async getStatus() {
        if (options.statusAnswer === "fail") throw new Error("Could not establish connection. Receiving end does not exist.");
        await options.statusAnswer;
        return { status: "ok", connection: connection(options.connected) };
      },
    },
    send,
  );
  const writeSetting = vi.fn(async () => undefined);
  const hosts = { missing: [] as string[], grant: false, ...options.hosts };
  const allowHosts = vi.fn(async (patterns: string[]) => {
    if (hosts.grant) hosts.missing = hosts.missing.filter((pattern) => !patterns.includes(pattern));
    return hosts.grant;
  });
  const copyText = vi.fn(async (_text: string) => undefined);
  const store = createPanelStore({
    send: answers,
    readSettings: () => (options.settingsNeverRead ? new Promise<UserSettings>(() => undefined) : Promise.resolve(settings)),
    managedSettings: async () => options.managed ?? [],
    policyProblems: async () => options.policyProblems ?? [],
    writeSetting,
    copyText,
    readOutbox: async () => options.outbox ?? [],
    readActivity: async () => options.activity ?? [],
    extensionId: "ojjencidapbffadplbcanpdemoboeflj",
    snapshotStorage: options.snapshotStorage ?? memoryStorage(),
    hostsToAllow: async () => hosts.missing,
    allowHosts,
  });
  const view = render(<SidePanel store={store} />);
  const loaded = store.getState().load();
  return { send, writeSetting, copyText, view, loaded, allowHosts };
}

const apiKeyForm = () => screen.getByLabelText("SmartRecruiters API key").closest("form") as HTMLFormElement;

describe("SidePanel", () => {
  it("shows the integration switch on and writes the change", async () => {
    const { writeSetting } = panel({ connected: true });
    const toggle = await screen.findByRole("switch", { name: "SmartRecruiters integration" });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    expect(writeSetting).toHaveBeenCalledWith("integrationEnabled", false);
  });

  it("locks a setting the organisation manages and says so", async () => {
    const { writeSetting } = panel({ connected: true, managed: ["integrationEnabled"] });
    const toggle = (await screen.findByRole("switch", { name: "SmartRecruiters integration" })) as HTMLInputElement;
    expect(toggle.disabled).toBe(true);
    expect(screen.getByText("Managed by your organisation.")).toBeTruthy();
    fireEvent.click(toggle);
    expect(writeSetting).not.toHaveBeenCalled();
    expect((screen.getByRole("switch", { name: /Create and update/u }) as HTMLInputElement).disabled).toBe(false);
  });

  it("connects with an API key and then offers to disconnect", async () => {
    const { send } = panel({ connected: false });
    expect((await screen.findByTestId("connection-status")).textContent).toContain("Not connected");
    fireEvent.input(screen.getByLabelText("SmartRecruiters API key"), { target: { value: "0123456789abcdef0123456789abcdef" } });
    fireEvent.submit(apiKeyForm());
    await waitFor(() => expect(screen.getByTestId("connection-status").textContent).toContain("Connected to SmartRecruiters"));
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({ type: "connectApiKey", apiKey: "0123456789abcdef0123456789abcdef" }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Disconnect" }));
    await waitFor(() => expect(screen.getByTestId("connection-status").textContent).toContain("Not connected"));
  });

  it("shows why a connection failed", async () => {
    panel({ connected: false, connectFails: true });
    fireEvent.input(await screen.findByLabelText("SmartRecruiters API key"), {
      target: { value: "0123456789abcdef0123456789abcdef" },
    });
    fireEvent.submit(apiKeyForm());
    expect((await screen.findByRole("alert")).textContent).toContain("credential was refused");
  });

  it("shows the current tab's candidate as text", async () => {
    panel({
      connected: true,
      page: {
        kind: "one-on-one",
        interviewName: "CSR",
        candidate: { firstName: "<img src=x onerror=alert(1)>", lastName: "O'Neil", email: null },
      },
    });
    const candidate = await screen.findByTestId("current-candidate");
    expect(candidate.textContent).toContain("<img src=x onerror=alert(1)> O'Neil");
    expect(candidate.textContent).toContain("Not shown by Hellohire");
    expect(candidate.querySelector("img")).toBeNull();
  });

  it("shows how the candidate matched, their SmartRecruiters tags, job and status, and their unsaved rating", async () => {
    const { send } = panel({
      connected: true,
      page: annInterview,
      details: annDetails(
        { ...annFound, status: "first-name-updated" },
        { tags: ["bilingual", "hellohire - csr - yes"], jobTitle: "Customer Service Representative", jobStatus: "IN_REVIEW" },
      ),
      outbox: [refusedWrite()],
    });
    const candidate = await screen.findByTestId("current-candidate");
    await waitFor(() =>
      expect(screen.getByTestId("match").textContent).toBe("Found in SmartRecruiters; first name updated from Hellohire"),
    );
    expect(screen.getByTestId("your-rating").textContent).toBe("Yes");
    expect(screen.getByTestId("job").textContent).toBe("Customer Service Representative · in review");
    expect([...screen.getByTestId("tags").querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "bilingual",
      "hellohire - csr - yes",
    ]);
    const link = candidate.querySelector("a") as HTMLAnchorElement;
    expect(link.href).toBe("https://sr.example/c/cand-1");
    expect(link.target).toBe("_blank");
    const row = screen.getByRole("list", { name: "This candidate's ratings not yet saved" });
    expect(row.textContent).toContain("SmartRecruiters denied access.");
    fireEvent.click(within(row).getByRole("button", { name: "Retry now" }));
    expect(send).toHaveBeenCalledWith({ type: "outboxAction", id: "w1", action: "retry" });
  });

  it("lists recent writes with their outcome, and nothing older than seven days", async () => {
    const now = Date.now();
    panel({
      connected: true,
      activity: [
        { at: now - 60_000, candidateId: "cand-0001-x", interviewName: "CSR", rating: "yes", outcome: "saved" },
        {
          at: now - 120_000,
          candidateId: "cand-0002-x",
          interviewName: "CSR",
          rating: "no",
          outcome: "failed",
          reason: "Denied.",
        },
        { at: now - 8 * 24 * 3600_000, candidateId: "cand-0003-x", interviewName: "Old", rating: "maybe", outcome: "saved" },
      ],
    });
    const items = (await screen.findByTestId("activity")).querySelectorAll("li");
    expect([...items].map((li) => li.textContent)).toEqual([
      expect.stringContaining("Saved: Yes · CSR · candidate cand-000"),
      expect.stringContaining("Not saved: No · CSR · candidate cand-000"),
    ]);
    expect(items[1]?.textContent).toContain("Denied.");
  });

  it("says the real cause when the candidate exists but search cannot find them: the talent pool, fixed by mapping a job", async () => {
    panel({
      connected: true,
      page: annInterview,
      details: annDetails({ status: "hidden", cause: "talent-pool", job: { kind: "none", why: "no-title", title: null } }),
    });
    await waitFor(() => expect(screen.getByTestId("match").textContent).toContain("talent pool only"));
    const said = screen.getByTestId("match").textContent ?? "";
    expect(said).toContain("Mapping this interview to its job fixes it");
    expect(said).not.toMatch(/access|hiring team/u);
    expect(screen.queryByTestId("tags")).toBeNull();
  });

  it("says where a candidate this browser created went: the job, or the talent pool with why and the fix", async () => {
    const created = (job: NonNullable<Extract<LookupResponse, { candidateId: string }>["job"]>) =>
      annDetails({ ...annFound, status: "created", job });
    const { view } = panel({
      connected: true,
      page: { ...annInterview, jobTitle: "Customer Service Representative" },
      details: created({ kind: "job", jobId: "job-csr-1", title: "Customer Service Representative", source: "title" }),
    });
    await waitFor(() =>
      expect(screen.getByTestId("match").textContent).toBe(
        "Created in SmartRecruiters for the job “Customer Service Representative”",
      ),
    );
    expect(screen.getByTestId("page-job").textContent).toBe("Customer Service Representative");
    view.unmount();
    panel({
      connected: true,
      page: annInterview,
      details: created({ kind: "none", why: "ambiguous", title: "Warehouse Associate" }),
    });
    await waitFor(() =>
      expect(screen.getByTestId("match").textContent).toContain("other interviewers’ browsers will not find them"),
    );
    expect(screen.getByTestId("match").textContent).toContain(
      "Several open SmartRecruiters jobs are titled “Warehouse Associate”",
    );
  });

  it("diagnoses an unreadable page and copies its redacted structure", async () => {
    const { copyText } = panel({
      connected: true,
      page: { kind: "unreadable", missing: ["candidateName", "firstNameLabel"] },
      structure: '<html>\n  <body>\n    <main data-testid="v1">',
    });
    const diagnosis = await screen.findByTestId("diagnosis");
    expect(diagnosis.textContent).toContain("candidate's name, first name");
    expect(diagnosis.textContent).toContain("candidateName, firstNameLabel");
    fireEvent.click(screen.getByRole("button", { name: "Copy page structure" }));
    await screen.findByText("Copied 3 lines, with every text and value redacted.");
    expect(copyText).toHaveBeenCalledWith('<html>\n  <body>\n    <main data-testid="v1">');
  });

  it("reports an ignored selector override", async () => {
    panel({ connected: true, page: { kind: "not-interview", overrideProblems: ["selectors.colour is not a known entry"] } });
    expect((await screen.findByTestId("override-problems")).textContent).toContain("selectors.colour is not a known entry");
  });

  it("says so when the ignored override was the interviewer's own set-up", async () => {
    panel({
      connected: true,
      page: { kind: "not-interview", overrideProblems: ["selectors.room is not valid"], ignoredOverride: "user" },
    });
    const problems = await screen.findByTestId("override-problems");
    expect(problems.textContent).toContain("Your set-up of this page was ignored: selectors.room is not valid.");
    expect(problems.textContent).not.toContain("organisation");
  });

  it("lists pending ratings with their reason, and retries or discards them", async () => {
    const { send } = panel({
      connected: true,
      outbox: [refusedWrite({ candidateId: "3f1c2b7e-0001", rating: "yes", attempts: 2, createdAt: 0, nextAttemptAt: 0 })],
    });
    const pending = await screen.findByTestId("pending");
    expect(pending.textContent).toContain("Yes · CSR");
    expect(pending.textContent).toContain("Not saved: SmartRecruiters denied access.");
    fireEvent.click(screen.getByRole("button", { name: "Retry now" }));
    fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: "outboxAction", id: "w1", action: "discard" }));
    expect(send).toHaveBeenCalledWith({ type: "outboxAction", id: "w1", action: "retry" });
  });

  it("says when every rating is saved", async () => {
    panel({ connected: true });
    expect(await screen.findByText("Every rating is saved in SmartRecruiters.")).toBeTruthy();
  });

  describe("connection", () => {
    const connectButton = () => screen.findByRole("button", { name: "Connect to SmartRecruiters" });

    it("signs in with OAuth, sending the addresses typed under Advanced", async () => {
      const { send } = panel({ connected: false });
      fireEvent.input(await screen.findByLabelText("Token address"), { target: { value: "https://login.example.org/token" } });
      fireEvent.click(await connectButton());
      await waitFor(() =>
        expect(screen.getByTestId("connection-status").textContent).toContain("with your SmartRecruiters account"),
      );
      expect(send).toHaveBeenCalledWith(
        expect.objectContaining({
          type: "connectOAuth",
          endpoints: expect.objectContaining({ tokenUrl: "https://login.example.org/token" }),
        }),
      );
      expect(screen.getByRole("button", { name: "Disconnect" })).toBeTruthy();
    });

    it("a closed sign-in window leaves it quietly not connected", async () => {
      panel({ connected: false, signIn: "cancelled" });
      fireEvent.click(await connectButton());
      await waitFor(async () => expect(((await connectButton()) as HTMLButtonElement).disabled).toBe(false));
      expect(screen.getByTestId("connection-status").textContent).toContain("Not connected");
      expect(screen.queryByRole("alert")).toBeNull();
    });

    it("says why a sign-in failed", async () => {
      panel({ connected: false, signIn: "error" });
      fireEvent.click(await connectButton());
      expect((await screen.findByRole("alert")).textContent).toContain("plan does not include API access");
    });

    it("names the SmartRecruiters user of the interviewer's own connection", async () => {
      panel({ connected: true, status: { method: "oauth", account: { name: "Sam Rivera", email: "sam.rivera@example.com" } } });
      expect((await screen.findByTestId("connection-account")).textContent).toBe(
        "Signed in as Sam Rivera (sam.rivera@example.com)",
      );
    });

    it("connected by the organisation: says so, with nothing to connect or disconnect", async () => {
      panel({ connected: true, status: { byOrganisation: true, userMayChoose: false, method: "clientCredentials" } });
      await waitFor(() =>
        expect(screen.getByTestId("connection-status").textContent).toContain(
          "Connected by your organisation with the organisation's SmartRecruiters credential",
        ),
      );
      expect(screen.queryByRole("button", { name: /Connect|Disconnect/u })).toBeNull();
      expect(screen.queryByLabelText("SmartRecruiters API key")).toBeNull();
    });

    it("a refresh that failed asks to reconnect, with the reason", async () => {
      panel({
        connected: true,
        status: {
          method: "oauth",
          problem: { message: "SmartRecruiters no longer accepts this sign-in. Reconnect to SmartRecruiters.", fix: "reconnect" },
        },
      });
      expect((await screen.findByTestId("auth-problem")).textContent).toContain("no longer accepts this sign-in");
      expect(await screen.findByRole("button", { name: "Reconnect to SmartRecruiters" })).toBeTruthy();
    });

    it("without an OAuth client, sign-in is off and says who sets it up; an API key still works", async () => {
      panel({ connected: false, status: { canSignIn: false } });
      expect(((await connectButton()) as HTMLButtonElement).disabled).toBe(true);
      expect(screen.getByText(/Sign-in is not set up/u)).toBeTruthy();
      expect(screen.getByLabelText("SmartRecruiters API key")).toBeTruthy();
    });

    it("an address the organisation sets is locked; a policy sign-in mode hides the API key form", async () => {
      panel({ connected: false, status: { locked: ["tokenUrl"], userMayChoose: false } });
      const tokenUrl = (await screen.findByLabelText("Token address")) as HTMLInputElement;
      expect(tokenUrl.disabled).toBe(true);
      expect((screen.getByLabelText("API address") as HTMLInputElement).disabled).toBe(false);
      expect(screen.queryByLabelText("SmartRecruiters API key")).toBeNull();
    });

    it("lists policy values that were ignored", async () => {
      panel({ connected: true, policyProblems: ["tokenUrl must be an https:// address"] });
      expect((await screen.findByTestId("policy-problems")).textContent).toContain("tokenUrl must be an https:// address");
    });
  });

  describe("first run and admins", () => {
    it("puts getting connected first, with a welcome, while not connected", async () => {
      panel({ connected: false });
      const heading = await screen.findByRole("heading", { name: "Welcome: connect to SmartRecruiters" });
      const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
      expect(headings[0]).toBe(heading.textContent);
    });

    it("first run: Loading… until the connection is known too, then the welcome above the settings", async () => {
      let answer: () => void = () => undefined;
      panel({ connected: false, statusAnswer: new Promise<void>((resolve) => (answer = resolve)) });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(screen.getByText("Loading…")).toBeTruthy();
      expect(screen.queryByRole("switch")).toBeNull();
      answer();
      await screen.findByRole("switch", { name: "SmartRecruiters integration" });
      expect(screen.getAllByRole("heading", { level: 2 })[0]?.textContent).toBe("Welcome: connect to SmartRecruiters");
    });

    it("a background that does not answer: the settings, and what to do", async () => {
      panel({ connected: false, statusAnswer: "fail" });
      expect((await screen.findByRole("alert")).textContent).toContain("The extension's background did not answer");
      expect(screen.getByRole("switch", { name: "SmartRecruiters integration" })).toBeTruthy();
    });

    it("no welcome once connected: settings first, the connection last", async () => {
      panel({ connected: true });
      await screen.findByRole("heading", { name: "Connection" });
      const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
      expect(headings[0]).toBe("Settings");
      expect(screen.queryByText(/Welcome/u)).toBeNull();
    });

    it("switching the integration on while not connected starts the sign-in", async () => {
      const { send, writeSetting } = panel({ connected: false, settings: { integrationEnabled: false } });
      fireEvent.click(await screen.findByRole("switch", { name: "SmartRecruiters integration" }));
      await waitFor(() => expect(send).toHaveBeenCalledWith({ type: "connectOAuth", endpoints: {} }));
      expect(writeSetting).toHaveBeenCalledWith("integrationEnabled", true);
    });

    it("copies a policy template of the current settings, without secrets", async () => {
      const { copyText } = panel({ connected: true, settings: { createAndUpdateCandidates: true } });
      fireEvent.click(await screen.findByRole("button", { name: "Copy policy template" }));
      await waitFor(() => expect(copyText).toHaveBeenCalled());
      const copied = JSON.parse(String(vi.mocked(copyText).mock.calls[0]?.[0]));
      expect(copied["3rdparty"].extensions.ojjencidapbffadplbcanpdemoboeflj).toMatchObject({
        integrationEnabled: true,
        createAndUpdateCandidates: true,
        authMode: "apiKey",
      });
      expect((await screen.findByTestId("policy-template")).textContent).toContain("createAndUpdateCandidates");
    });
  });

  describe("Hellohire addresses the organisation added", () => {
    const missing = ["https://hire.acme.com/*", "https://*.jobs.acme.com/*"];

    it("asks to allow them, by name, and the notice goes once the browser allows them", async () => {
      const { allowHosts } = panel({ connected: true, hosts: { missing, grant: true } });
      const notice = await screen.findByTestId("admin-hosts");
      expect(notice.textContent).toContain("Your organisation also runs Hellohire at hire.acme.com, *.jobs.acme.com.");
      fireEvent.click(within(notice).getByRole("button", { name: "Allow on these addresses" }));
      expect(allowHosts).toHaveBeenCalledWith(missing);
      await waitFor(() => expect(screen.queryByTestId("admin-hosts")).toBeNull());
    });

    it("a refusal is said, and the interviewer can ask again", async () => {
      const { allowHosts } = panel({ connected: true, hosts: { missing, grant: false } });
      fireEvent.click(await screen.findByRole("button", { name: "Allow on these addresses" }));
      expect(await screen.findByText(/Not allowed: the extension stays off there/u)).toBeTruthy();
      fireEvent.click(screen.getByRole("button", { name: "Allow on these addresses" }));
      expect(allowHosts).toHaveBeenCalledTimes(2);
    });

    it("says nothing when there are none to allow", async () => {
      panel({ connected: true });
      await screen.findByRole("switch", { name: "SmartRecruiters integration" });
      expect(screen.queryByTestId("admin-hosts")).toBeNull();
    });
  });

  describe("painting from the last panel's snapshot", () => {
    /** A panel that showed `options` once, and then closed: the snapshot it left behind. */
    async function snapshotOf(options: PanelOptions) {
      const snapshotStorage = memoryStorage();
      const first = panel({ ...options, snapshotStorage });
      await first.loaded;
      first.view.unmount();
      return snapshotStorage;
    }

    it("shows the last settings and the welcome at once, before storage answers, then the fresh values", async () => {
      const snapshotStorage = await snapshotOf({ connected: false, settings: { createAndUpdateCandidates: true } });
      panel({ connected: false, settingsNeverRead: true, snapshotStorage });
      // Synchronously, in the first render: no "Loading…", no waiting for storage.local.
      expect(screen.queryByText("Loading…")).toBeNull();
      expect((screen.getByRole("switch", { name: /Create and update/u }) as HTMLInputElement).checked).toBe(true);
      expect(screen.getAllByRole("heading", { level: 2 })[0]?.textContent).toBe("Welcome: connect to SmartRecruiters");
    });

    it("replaces the snapshot with what storage says", async () => {
      const snapshotStorage = await snapshotOf({ connected: true, settings: { integrationEnabled: true } });
      panel({ connected: true, settings: { integrationEnabled: false }, snapshotStorage });
      const toggle = screen.getByRole("switch", { name: "SmartRecruiters integration" }) as HTMLInputElement;
      expect(toggle.checked).toBe(true);
      await waitFor(() => expect(toggle.checked).toBe(false));
    });

    it("a switch the policy now locks cannot be changed while the snapshot still shows it free", async () => {
      const snapshotStorage = await snapshotOf({ connected: true });
      const { writeSetting } = panel({ connected: true, managed: ["integrationEnabled"], snapshotStorage });
      const toggle = screen.getByRole("switch", { name: "SmartRecruiters integration" }) as HTMLInputElement;
      expect(toggle.disabled).toBe(false);
      fireEvent.click(toggle);
      await waitFor(() => expect(toggle.disabled).toBe(true));
      expect(screen.getByText("Managed by your organisation.")).toBeTruthy();
      expect(writeSetting).not.toHaveBeenCalled();
    });

    it("keeps no candidate data in the snapshot", async () => {
      const snapshotStorage = await snapshotOf({
        connected: true,
        page: annInterview,
        details: annDetails(),
        outbox: [refusedWrite()],
      });
      const text = snapshotStorage.text();
      expect(text).toContain('"integrationEnabled":true');
      for (const data of [annOnPage.firstName, annOnPage.lastName, annOnPage.email, "cand-1", "CSR", "Sam Rivera", "sam.rivera"])
        expect(text).not.toContain(data);
    });

    it("ignores a damaged or foreign snapshot and reads storage as on a first run", async () => {
      for (const damaged of [
        "{not json",
        '{"state":{"settings":{"integrationEnabled":"yes"}},"version":1}',
        '{"state":{},"version":0}',
      ]) {
        const { view, loaded } = panel({ connected: true, snapshotStorage: memoryStorage({ "srh.panel.snapshot": damaged }) });
        expect(screen.getByText("Loading…")).toBeTruthy();
        await loaded;
        expect((screen.getByRole("switch", { name: "SmartRecruiters integration" }) as HTMLInputElement).checked).toBe(true);
        view.unmount();
      }
    });
  });
});
