import { fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it, vi } from "vitest";
import { startInterviewPage } from "../lib/content/interview-page";
import { widgetHostTag } from "../lib/content/widget-host";
import { speakFrench } from "../lib/i18n/fake-i18n";
import { fakeSend } from "../lib/messaging/fake-send";
import { type CandidateDetailsResponse, type PageStatus, parseRequest, type Request } from "../lib/messaging/protocol";
import type { ActivityEntry } from "../lib/sync/activity";
import type { OutboxEntry } from "../lib/sync/outbox";
import { ratingTag } from "../lib/sync/rating-tag";
import { InterviewWidget, type InterviewWidgetProps } from "./InterviewWidget";
import { SidePanel } from "./sidepanel/SidePanel";
import { createPanelStore } from "./sidepanel/store";
import { annDetails, annFound, annInterview, connectionStatus, quietBackend, refusedWrite } from "./sidepanel/test-fixtures";

const ready = { kind: "ready", profileUrl: "https://sr.example/c1" } as const;

function widget(props: Partial<InterviewWidgetProps> = {}) {
  const onRate = vi.fn();
  render(<InterviewWidget link={ready} rating={null} save={{ kind: "idle" }} onRate={onRate} {...props} />);
  return onRate;
}

function panel(options: {
  connected: boolean;
  page?: PageStatus | null;
  details?: CandidateDetailsResponse;
  outbox?: OutboxEntry[];
  activity?: ActivityEntry[];
}) {
  const connection = connectionStatus(options.connected);
  const send = fakeSend({
    candidateDetails: () => options.details ?? { status: "no-candidate" },
    activeTab: () => ({ status: "ok", page: options.page ?? null }),
    getStatus: () => ({ status: "ok", connection }),
  });
  const store = createPanelStore(
    quietBackend(send, {
      readOutbox: async () => options.outbox ?? [],
      readActivity: async () => options.activity ?? [],
    }),
  );
  render(<SidePanel store={store} />);
  store.getState().load();
}

describe("in French (the browser's language)", () => {
  it("the widget labels its link, buttons and states in French", () => {
    speakFrench();
    const onRate = widget({ rating: "maybe" });
    expect(screen.getByRole("link", { name: "Voir dans SmartRecruiters" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Évaluer ce candidat" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Peut-être" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: "Peut-être" }).title).toBe("Retirer l’évaluation « Peut-être »");
    expect(screen.getByRole("button", { name: "Oui" }).title).toBe("Évaluer : Oui");
    fireEvent.click(screen.getByRole("button", { name: "Non" }));
    expect(onRate).toHaveBeenCalledWith("no");
  });

  it("the widget's saved, queued and failed states are French; the reason from the extension is kept as it is", () => {
    speakFrench();
    widget({ save: { kind: "saved" } });
    expect(screen.getByRole("status").textContent).toBe("Enregistré dans SmartRecruiters");
    document.body.innerHTML = "";
    widget({ save: { kind: "queued", rating: "yes", reason: "SmartRecruiters could not be reached." } });
    expect(screen.getByRole("status").textContent).toBe("En attente : SmartRecruiters could not be reached.");
    document.body.innerHTML = "";
    widget({ save: { kind: "failed", reason: "SmartRecruiters denied access.", retry: "yes" } });
    expect(screen.getByRole("alert").textContent).toBe("Non enregistré : SmartRecruiters denied access. Réessayer");
  });

  it("rating with the French « Oui » sends the rating yes, whose tag stays English", async () => {
    speakFrench();
    // The widget's shadow root is closed; the test builds' hook opens it (lib/content/widget-host.ts).
    document.documentElement.setAttribute("data-srh-e2e-open-widget", "");
    document.body.innerHTML = `<main data-testid="interview-room" data-format="one-on-one"><h1 data-testid="interview-title">CSR</h1>
      <section data-testid="candidate-card"><h2 data-testid="candidate-name">Ann O'Neil</h2>
      <dl data-testid="candidate-details"><div><dt>First name</dt><dd>Ann</dd></div>
      <div><dt>Last name</dt><dd>O'Neil</dd></div><div><dt>Email</dt><dd>ann@example.com</dd></div></dl></section></main>`;
    const sent: Request[] = [];
    const controller = new AbortController();
    const page = startInterviewPage({
      document,
      signal: controller.signal,
      send: fakeSend(
        {
          lookup: () => ({ status: "found", candidateId: "c1", profileUrl: "https://sr.example/c1", rating: null }),
          rate: (request) => ({ status: "saved", rating: request.rating }),
          pageStatus: () => ({ status: "ok" }),
          prefetch: () => ({ status: "ok" }),
        },
        (request) => {
          const parsed = parseRequest(request);
          if (parsed) sent.push(parsed);
        },
      ),
    });
    const host = document.querySelector(widgetHostTag) as HTMLElement;
    expect(host.lang).toBe("fr");
    const shadow = within(host.shadowRoot as unknown as HTMLElement);
    await shadow.findByRole("link", { name: "Voir dans SmartRecruiters" });
    page.rate("yes"); // the keyboard shortcut; a page script's synthetic click is ignored
    await waitFor(() => expect(shadow.getByRole("button", { name: "Oui" }).getAttribute("aria-pressed")).toBe("true"));
    expect(shadow.getByRole("status").textContent).toBe("Enregistré dans SmartRecruiters");
    const rate = sent.find((request) => request.type === "rate");
    expect(rate).toEqual({
      type: "rate",
      interviewName: "CSR",
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann@example.com" },
      rating: "yes",
    });
    expect(ratingTag("CSR", "yes")).toBe("hellohire - csr - yes");
    controller.abort();
    document.body.innerHTML = "";
  });

  it("the side panel welcomes and explains in French, and marks the page as French", async () => {
    speakFrench();
    panel({ connected: false });
    expect(await screen.findByRole("heading", { name: "Bienvenue : connectez-vous à SmartRecruiters" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("SmartRecruiters pour Hellohire");
    expect(screen.getByTestId("connection-status").textContent?.trim()).toBe("Non connecté à SmartRecruiters");
    expect(screen.getByRole("button", { name: "Se connecter à SmartRecruiters" })).toBeTruthy();
    expect(screen.getByLabelText("Clé d’API SmartRecruiters")).toBeTruthy();
    expect(screen.getByRole("switch", { name: "Intégration SmartRecruiters" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("fr");
  });

  it("the side panel shows the candidate in French, with their SmartRecruiters tags as they are", async () => {
    speakFrench();
    panel({
      connected: true,
      page: annInterview,
      details: annDetails(annFound, {
        tags: ["hellohire - csr - yes"],
        jobTitle: "Customer Service Representative",
        jobStatus: null,
      }),
      outbox: [refusedWrite()],
      activity: [{ at: Date.now(), candidateId: "cand-0001-x", interviewName: "CSR", rating: "yes", outcome: "saved" }],
    });
    await waitFor(() => expect(screen.getByTestId("match").textContent).toBe("Trouvé dans SmartRecruiters"));
    expect(screen.getByTestId("connection-status").textContent).toContain("Connecté à SmartRecruiters avec une clé d’API");
    expect(screen.getByTestId("your-rating").textContent).toBe("Oui");
    expect([...screen.getByTestId("tags").querySelectorAll("li")].map((li) => li.textContent)).toEqual(["hellohire - csr - yes"]);
    const pending = screen.getByRole("list", { name: "Évaluations de ce candidat pas encore enregistrées" });
    expect(pending.textContent).toContain("Non enregistré : SmartRecruiters denied access.");
    expect(within(pending).getByRole("button", { name: "Réessayer maintenant" })).toBeTruthy();
    expect((await screen.findByTestId("activity")).textContent).toContain("Enregistrée: Oui · CSR · candidat cand-000");
    expect(screen.getByRole("heading", { name: "Évaluations en attente" })).toBeTruthy();
  });
});
