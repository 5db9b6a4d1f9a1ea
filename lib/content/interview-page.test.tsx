import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type FakeAnswers, fakeSend } from "../messaging/fake-send";
import { type LookupResponse, parseRequest, type Request, type SendMessage } from "../messaging/protocol";
import { startInterviewPage, widgetHostTag } from "./interview-page";

function roomHtml(first: string, last: string, email: string, job: string | null = null) {
  const jobHtml = job === null ? "" : `<span data-testid="interview-job"><svg aria-hidden="true"></svg> ${job} </span>`;
  return `<main data-testid="interview-room" data-format="one-on-one"><h1 data-testid="interview-title">CSR</h1>${jobHtml}
    <section data-testid="candidate-card"><h2 data-testid="candidate-name">${first} ${last}</h2>
    <dl data-testid="candidate-details"><div><dt>First name</dt><dd>${first}</dd></div>
    <div><dt>Last name</dt><dd>${last}</dd></div><div><dt>Email</dt><dd>${email}</dd></div></dl></section></main>`;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("startInterviewPage", () => {
  let controller: AbortController;
  let sent: Request[];
  let send: SendMessage;
  /** What the background answers: Ann and Li are found; a rating is saved. */
  const answers: FakeAnswers = {
    lookup: (request) => ({
      status: "found",
      candidateId: `id-${request.candidate.lastName}`,
      profileUrl: "https://sr.example/c",
      rating: null,
    }),
    rate: (request) => ({ status: "saved", rating: request.rating }),
    pageStatus: () => ({ status: "ok" }),
    prefetch: () => ({ status: "ok" }),
  };
  const record = (request: unknown) => {
    const parsed = parseRequest(request);
    if (parsed) sent.push(parsed);
  };

  beforeEach(() => {
    controller = new AbortController();
    sent = [];
    send = fakeSend(answers, record);
    document.body.innerHTML = roomHtml("Ann", "O'Neil", "ann@example.com");
  });

  afterEach(() => controller.abort());

  const hosts = () => document.querySelectorAll(widgetHostTag);

  it("mounts one widget right under the candidate's name and looks the candidate up", async () => {
    startInterviewPage({ document, send, signal: controller.signal });
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.previousElementSibling?.getAttribute("data-testid")).toBe("candidate-name");
    expect(sent.filter((r) => r.type === "lookup")[0]).toEqual({
      type: "lookup",
      interviewName: "CSR",
      jobTitle: null,
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann@example.com" },
    });
  });

  it("asks again, a little later, after a lookup met a passing problem; not after a refusal", async () => {
    vi.useFakeTimers();
    try {
      let lookups: LookupResponse[] = [
        { status: "error", kind: "offline", message: "SmartRecruiters could not be reached." },
        { status: "found", candidateId: "id-1", profileUrl: "https://sr.example/c", rating: null },
      ];
      const offline: LookupResponse = { status: "error", kind: "offline", message: "No answer prepared." };
      send = fakeSend({ ...answers, lookup: () => lookups.shift() ?? offline }, record);
      startInterviewPage({ document, send, signal: controller.signal });
      await vi.advanceTimersByTimeAsync(0);
      expect(sent.filter((r) => r.type === "lookup")).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(sent.filter((r) => r.type === "lookup")).toHaveLength(2);
      const link = hosts()[0]?.shadowRoot?.querySelector("a");
      expect(link?.getAttribute("href")).toBe("https://sr.example/c");

      lookups = [{ status: "error", kind: "access-denied", message: "Denied." }];
      document.body.innerHTML = roomHtml("Li", "Wei", "li@example.com");
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sent.filter((r) => r.type === "lookup" && r.candidate.lastName === "Wei")).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("sends the interview's job title with the lookup and in the page status", async () => {
    document.body.innerHTML = roomHtml("Ann", "O'Neil", "ann@example.com", "Customer  Service Representative");
    startInterviewPage({ document, send, signal: controller.signal });
    expect(sent.find((r) => r.type === "lookup")).toEqual({
      type: "lookup",
      interviewName: "CSR",
      jobTitle: "Customer Service Representative",
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann@example.com" },
    });
    await vi.waitFor(() => expect(sent.some((r) => r.type === "pageStatus")).toBe(true));
    expect(sent.find((r) => r.type === "pageStatus")).toMatchObject({
      status: { kind: "one-on-one", interviewName: "CSR", jobTitle: "Customer Service Representative" },
    });
  });

  it("reports no job title when the page shows none", async () => {
    startInterviewPage({ document, send, signal: controller.signal });
    await vi.waitFor(() => expect(sent.some((r) => r.type === "pageStatus")).toBe(true));
    expect(sent.find((r) => r.type === "pageStatus")).toMatchObject({ status: { kind: "one-on-one", jobTitle: null } });
  });

  it("follows a re-rendered name node without duplicating or looking up again", async () => {
    const page = startInterviewPage({ document, send, signal: controller.signal });
    const name = document.querySelector('[data-testid="candidate-name"]') as Element;
    const copy = name.cloneNode(true) as Element;
    name.replaceWith(copy);
    page.refresh();
    expect(hosts()).toHaveLength(1);
    expect(copy.nextElementSibling?.tagName.toLowerCase()).toBe(widgetHostTag);
    expect(sent.filter((r) => r.type === "lookup")).toHaveLength(1);
  });

  it("looks up the next candidate when the candidate changes", async () => {
    const page = startInterviewPage({ document, send, signal: controller.signal });
    document.body.innerHTML = roomHtml("Li", "Wei", "li@example.com");
    page.refresh();
    expect(hosts()).toHaveLength(1);
    expect(sent.filter((r) => r.type === "lookup").map((r) => (r.type === "lookup" ? r.candidate.lastName : ""))).toEqual([
      "O'Neil",
      "Wei",
    ]);
  });

  it("removes the widget when the page stops being a one-on-one interview, and when stopped", async () => {
    const page = startInterviewPage({ document, send, signal: controller.signal });
    document.body.innerHTML = "<main>Dashboard</main>";
    page.refresh();
    expect(hosts()).toHaveLength(0);
    document.body.innerHTML = roomHtml("Ann", "O'Neil", "ann@example.com");
    page.refresh();
    expect(hosts()).toHaveLength(1);
    controller.abort();
    await flush();
    expect(hosts()).toHaveLength(0);
  });

  it("puts a hostile name into the page only as text", async () => {
    document.body.innerHTML = roomHtml("<img src=x onerror=alert(1)>", "Evil", "e@example.com").replaceAll(
      "<img src=x onerror=alert(1)>",
      "&lt;img src=x onerror=alert(1)&gt;",
    );
    startInterviewPage({ document, send, signal: controller.signal });
    expect(sent.find((r) => r.type === "lookup")).toMatchObject({ candidate: { firstName: "<img src=x onerror=alert(1)>" } });
    expect(document.querySelectorAll("img")).toHaveLength(0);
  });

  it("ignores a page script's synthetic clicks on our buttons", async () => {
    startInterviewPage({ document, send, signal: controller.signal });
    await flush();
    const yes = [...(hosts()[0]?.shadowRoot?.querySelectorAll("button") ?? [])].find((b) => b.textContent === "Yes");
    expect(yes?.disabled).toBe(false);
    yes?.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
    await flush();
    expect(sent.filter((r) => r.type === "rate")).toHaveLength(0);
  });
});
