import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { defaultMarkup, type MarkupTable } from "../hellohire/markup";
import { readByMeaning as readPageByMeaning } from "../hellohire/read-by-meaning";
import type { PageReading } from "../hellohire/read-page";
import { type FakeAnswers, fakeSend } from "../messaging/fake-send";
import { type LookupResponse, parseRequest, type Request, type SendMessage } from "../messaging/protocol";
import { startInterviewPage } from "./interview-page";
import { widgetHostTag } from "./widget-host";

function roomHtml(first: string, last: string, email: string, job: string | null = null) {
  const jobHtml = job === null ? "" : `<span data-testid="interview-job"><svg aria-hidden="true"></svg> ${job} </span>`;
  return `<main data-testid="interview-room" data-format="one-on-one"><h1 data-testid="interview-title">CSR</h1>${jobHtml}
    <section data-testid="candidate-card"><h2 data-testid="candidate-name">${first} ${last}</h2>
    <dl data-testid="candidate-details"><div><dt>First name</dt><dd>${first}</dd></div>
    <div><dt>Last name</dt><dd>${last}</dd></div><div><dt>Email</dt><dd>${email}</dd></div></dl></section></main>`;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** What the browser marks as the person's own input (happy-dom leaves isTrusted unset on every event). */
function trusted<T extends Event>(event: T): T {
  Object.defineProperty(event, "isTrusted", { value: true });
  return event;
}

/** The background's answer to a lookup: found, with an ID made of the last name. */
function foundByLastName(request: { candidate: { lastName: string } }) {
  return {
    status: "found" as const,
    candidateId: `id-${request.candidate.lastName}`,
    profileUrl: "https://sr.example/c",
    rating: null,
  };
}

describe("startInterviewPage", () => {
  let controller: AbortController;
  let sent: Request[];
  let send: SendMessage;
  /** The ratings the background was asked to write. */
  let rated: (string | null)[];
  /** The widget's shadow root is closed: the test keeps what attachShadow returned. */
  let attachShadow: MockInstance<Element["attachShadow"]>;
  /** What the background answers: Ann and Li are found; a rating is saved. */
  const answers: FakeAnswers = {
    lookup: foundByLastName,
    rate: (request) => {
      rated.push(request.rating);
      return { status: "saved", rating: request.rating };
    },
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
    rated = [];
    attachShadow = vi.spyOn(Element.prototype, "attachShadow");
    send = fakeSend(answers, record);
    document.body.innerHTML = roomHtml("Ann", "O'Neil", "ann@example.com");
  });

  afterEach(() => {
    controller.abort();
    vi.restoreAllMocks();
  });

  const hosts = () => document.querySelectorAll(widgetHostTag);
  const widgetRoot = () => {
    const result = attachShadow.mock.results.at(-1);
    if (result?.type !== "return") throw new Error("No widget was mounted.");
    return result.value;
  };
  const button = (name: string) => {
    const found = [...widgetRoot().querySelectorAll("button")].find((b) => b.textContent === name);
    if (!found) throw new Error(`No ${name} button.`);
    return found;
  };

  it("follows the next candidate after the page wrapped the room's ancestor in a new element (the watch moves with it)", async () => {
    document.body.innerHTML = `<div id="app">${roomHtml("Ann", "O'Neil", "ann@example.com")}</div>`;
    startInterviewPage({ document, send, signal: controller.signal });
    const app = document.getElementById("app") as Element;
    const wrapper = document.createElement("div");
    app.replaceWith(wrapper);
    wrapper.append(app);
    await flush();
    expect(hosts()).toHaveLength(1);
    // Later, the page replaces what the wrapper holds: the next candidate's room.
    wrapper.innerHTML = roomHtml("Li", "Wei", "li@example.com");
    await flush();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.previousElementSibling?.textContent).toBe("Li Wei");
    expect(sent.filter((r) => r.type === "lookup").map((r) => r.type === "lookup" && r.candidate.lastName)).toEqual([
      "O'Neil",
      "Wei",
    ]);
  });

  it("tells the background who the page shows before a rating clicked before its status report was due", async () => {
    startInterviewPage({ document, send, signal: controller.signal });
    // The lookup answers at once; the status report waits 50 ms (off the host's task): the interviewer is quicker.
    await flush();
    expect(sent.some((r) => r.type === "pageStatus")).toBe(false);
    button("Yes").dispatchEvent(trusted(new MouseEvent("click", { bubbles: true, composed: true, cancelable: true, detail: 1 })));
    await vi.waitFor(() => expect(rated).toEqual(["yes"]));
    const order = sent.map((r) => r.type).filter((type) => type === "pageStatus" || type === "rate");
    expect(order).toEqual(["pageStatus", "rate"]);
    expect(sent.find((r) => r.type === "pageStatus")).toMatchObject({ status: { kind: "one-on-one" } });
  });

  it("leaves no observer behind when its work ends: later page changes are not read", async () => {
    const observe = vi.spyOn(MutationObserver.prototype, "observe");
    const disconnect = vi.spyOn(MutationObserver.prototype, "disconnect");
    startInterviewPage({ document, send, signal: controller.signal });
    controller.abort();
    const live = new Set<object>();
    const calls = [
      ...observe.mock.invocationCallOrder.map((order, index) => ({ order, observer: observe.mock.instances[index], on: true })),
      ...disconnect.mock.invocationCallOrder.map((order, index) => ({
        order,
        observer: disconnect.mock.instances[index],
        on: false,
      })),
    ].sort((a, b) => a.order - b.order);
    for (const call of calls) {
      if (!call.observer) continue;
      if (call.on) live.add(call.observer);
      else live.delete(call.observer);
    }
    expect(live.size).toBe(0);
  });

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
      const link = widgetRoot().querySelector("a");
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
    const yes = button("Yes");
    expect(yes.disabled).toBe(false);
    yes.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
    yes.click();
    await flush();
    expect(rated).toEqual([]);
  });

  describe("what the page can do to the widget", () => {
    const click = (target: Element, detail: number) =>
      target.dispatchEvent(trusted(new MouseEvent("click", { bubbles: true, composed: true, cancelable: true, detail })));
    const pressTab = () => window.dispatchEvent(trusted(new KeyboardEvent("keydown", { key: "Tab" })));
    const noticeText = "Not counted: the page, not you, put the focus here. Use Tab or a click to choose.";

    it("cannot reach the widget's shadow root (the candidate's link, the rating shown)", async () => {
      startInterviewPage({ document, send, signal: controller.signal });
      await flush();
      expect(hosts()[0]?.shadowRoot).toBeNull();
      expect(widgetRoot().querySelector("a")?.getAttribute("href")).toBe("https://sr.example/c");
    });

    it("cannot restyle, hide or move the host: our style comes back", async () => {
      startInterviewPage({ document, send, signal: controller.signal });
      const host = hosts()[0] as HTMLElement;
      const ours = host.getAttribute("style");
      expect(host.style.getPropertyValue("display")).toBe("block");
      host.style.cssText = "display: none !important; position: absolute; top: 0; left: 0; opacity: 0";
      host.hidden = true;
      await flush();
      expect(host.getAttribute("style")).toBe(ours);
      expect(host.hidden).toBe(false);
    });

    it("counts the interviewer's mouse click", async () => {
      startInterviewPage({ document, send, signal: controller.signal });
      await flush();
      click(button("Yes"), 1);
      await flush();
      expect(rated).toEqual(["yes"]);
    });

    it("ignores a click while the page makes the widget transparent or hides it", async () => {
      startInterviewPage({ document, send, signal: controller.signal });
      await flush();
      const card = document.querySelector('[data-testid="candidate-card"]') as HTMLElement;
      card.style.opacity = "0.2";
      click(button("Yes"), 1);
      card.style.opacity = "";
      card.style.visibility = "hidden";
      click(button("Maybe"), 1);
      await flush();
      expect(rated).toEqual([]);
      card.style.visibility = "";
      click(button("No"), 1);
      await flush();
      expect(rated).toEqual(["no"]);
    });

    it("ignores Enter on a button the page focused, and says why; counts it once the interviewer tabs there", async () => {
      startInterviewPage({ document, send, signal: controller.signal });
      await flush();
      button("Yes").focus();
      click(button("Yes"), 0);
      await flush();
      expect(rated).toEqual([]);
      expect(widgetRoot().querySelector('[role="status"]')?.textContent).toBe(noticeText);
      pressTab();
      button("Maybe").focus();
      click(button("Maybe"), 0);
      await flush();
      expect(rated).toEqual(["maybe"]);
    });

    it("takes the notice away after a few seconds", async () => {
      vi.useFakeTimers();
      try {
        startInterviewPage({ document, send, signal: controller.signal });
        await vi.advanceTimersByTimeAsync(0);
        button("No").focus();
        click(button("No"), 0);
        expect(widgetRoot().textContent).toContain(noticeText);
        await vi.advanceTimersByTimeAsync(6_000);
        expect(widgetRoot().textContent).not.toContain(noticeText);
      } finally {
        vi.useRealTimers();
      }
    });

    it("does not follow a link the page focused either", async () => {
      startInterviewPage({ document, send, signal: controller.signal });
      await flush();
      const link = widgetRoot().querySelector("a") as HTMLAnchorElement;
      link.focus();
      const event = trusted(new MouseEvent("click", { bubbles: true, composed: true, cancelable: true, detail: 0 }));
      link.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
    });
  });
});

describe("startInterviewPage: the table first, then the reader by meaning", () => {
  let controller: AbortController;
  let sent: Request[];
  let send: SendMessage;
  let readByMeaning: ReturnType<typeof vi.fn<(document: Document) => PageReading>>;
  const answers: FakeAnswers = {
    lookup: foundByLastName,
    pageStatus: () => ({ status: "ok" }),
    prefetch: () => ({ status: "ok" }),
  };

  /** Ann's interview in a layout the built-in table does not know: labelled fields, her name as a heading. */
  const meaningHtml = (nameClass = "x9f2") => `<main><h1>CSR</h1><section class="c7a1"><h2 class="${nameClass}">Ann O'Neil</h2>
    <dl><div><dt>First name</dt><dd>Ann</dd></div><div><dt>Last name</dt><dd>O'Neil</dd></div>
    <div><dt>Email</dt><dd><a href="mailto:ann.oneil@example.com">ann.oneil@example.com</a></dd></div></dl></section></main>`;
  /** A page no reader reads: a dashboard of people, no labels. */
  const dashboardHtml = `<main><h1>Today</h1><ul id="feed"><li>Ann O'Neil, ann.oneil@example.com</li></ul></main>`;

  const hosts = () => document.querySelectorAll(widgetHostTag);
  const statuses = () => sent.flatMap((request) => (request.type === "pageStatus" ? [request.status] : []));
  const lookups = () => sent.flatMap((request) => (request.type === "lookup" ? [request.candidate] : []));

  beforeEach(() => {
    controller = new AbortController();
    sent = [];
    send = fakeSend(answers, (request) => {
      const parsed = parseRequest(request);
      if (parsed) sent.push(parsed);
    });
    readByMeaning = vi.fn(readPageByMeaning);
    document.title = "CSR | Hellohire";
  });

  afterEach(() => {
    controller.abort();
  });

  it("never asks the reader by meaning about a page the table reads, even as it changes", async () => {
    document.body.innerHTML = roomHtml("Ann", "O'Neil", "ann@example.com");
    startInterviewPage({ document, send, signal: controller.signal, readByMeaning });
    const name = document.querySelector('[data-testid="candidate-name"]') as Element;
    name.replaceWith(name.cloneNode(true));
    document.body.append(document.createElement("aside"));
    await vi.waitFor(() => expect(statuses().at(-1)).toMatchObject({ kind: "one-on-one", reader: "default" }));
    expect(hosts()).toHaveLength(1);
    expect(readByMeaning).not.toHaveBeenCalled();
  });

  it("does not read by meaning while the host re-renders the name the table read: removed, then put back a moment later", async () => {
    document.body.innerHTML = roomHtml("Ann", "O'Neil", "ann@example.com");
    startInterviewPage({ document, send, signal: controller.signal, readByMeaning });
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    const name = document.querySelector('[data-testid="candidate-name"]') as Element;
    const parent = name.parentElement as Element;
    name.remove();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hosts()).toHaveLength(0);
    parent.prepend(name.cloneNode(true));
    await vi.waitFor(() => expect(hosts()[0]?.previousElementSibling?.getAttribute("data-testid")).toBe("candidate-name"));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(readByMeaning).not.toHaveBeenCalled();
    expect(lookups()).toHaveLength(1);
  });

  it("reads a page the table cannot by meaning: the widget under the name, the lookup, and the reader in the status", async () => {
    document.body.innerHTML = meaningHtml();
    startInterviewPage({ document, send, signal: controller.signal, readByMeaning });
    expect(readByMeaning).toHaveBeenCalled();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.previousElementSibling?.textContent).toBe("Ann O'Neil");
    expect(lookups()).toEqual([{ firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" }]);
    await vi.waitFor(() => expect(statuses().length).toBeGreaterThan(0));
    expect(statuses().at(-1)).toEqual({
      kind: "one-on-one",
      interviewName: "CSR",
      jobTitle: null,
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
      reader: "meaning",
    });
  });

  it("when the interviewer's own set-up stops matching, reads by meaning; when that finds no one, reports the table's diagnosis", async () => {
    // The interviewer's set-up, made on the page as it was: its class names.
    const markup: MarkupTable = {
      ...defaultMarkup,
      selectors: {
        ...defaultMarkup.selectors,
        room: "main",
        oneOnOneRoom: "main",
        candidateCard: "section.c7a1",
        candidateName: "h2.x9f2",
        detailRow: "dl > div",
        interviewTitle: "h1",
      },
    };
    document.body.innerHTML = meaningHtml();
    const page = startInterviewPage({ document, send, signal: controller.signal, markup, tableSource: "user", readByMeaning });
    await vi.waitFor(() => expect(statuses().at(-1)).toMatchObject({ kind: "one-on-one", reader: "user" }));
    expect(readByMeaning).not.toHaveBeenCalled();

    // A new version of the page: the name's class changed, the set-up's selector for it matches nothing.
    // The reader by meaning waits a moment first (the host may be putting the name back): then reads it.
    document.body.innerHTML = meaningHtml("k3d0");
    page.refresh();
    expect(readByMeaning).not.toHaveBeenCalled();
    expect(hosts()).toHaveLength(0);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(readByMeaning).toHaveBeenCalledTimes(1);
    expect(hosts()[0]?.previousElementSibling?.className).toBe("k3d0");
    await vi.waitFor(() => expect(statuses().at(-1)).toMatchObject({ kind: "one-on-one", reader: "meaning" }));

    // Then the labels go too: no reader finds anyone, the side panel gets the table's diagnosis.
    document.body.innerHTML = meaningHtml("k3d0").replaceAll(/<dt>[^<]*<\/dt>/gu, "");
    page.refresh();
    expect(hosts()).toHaveLength(0);
    await vi.waitFor(() =>
      expect(statuses().at(-1)).toEqual({
        kind: "unreadable",
        missing: expect.arrayContaining(["candidateName"]),
        reader: "user",
      }),
    );
    // The same person read by another reader is not looked up again.
    expect(lookups()).toHaveLength(1);
  });

  it("while no one is found, a storm of 50 changes asks the reader by meaning a few times, and the last change is read", async () => {
    document.body.innerHTML = dashboardHtml;
    startInterviewPage({ document, send, signal: controller.signal, readByMeaning });
    await vi.waitFor(() => expect(statuses().at(-1)).toMatchObject({ kind: "not-interview" }));
    readByMeaning.mockClear();
    const feed = document.getElementById("feed") as HTMLElement;
    for (let change = 1; change < 50; change++) {
      const item = document.createElement("li");
      item.textContent = `Visitor ${change}`;
      feed.append(item);
      // Each change reaches the page's observers on its own.
      await Promise.resolve();
    }
    // The 50th change shows Ann's interview.
    document.body.innerHTML = meaningHtml();
    await Promise.resolve();
    // A burst is read at once, then a storming page at most a few times a second: nowhere near one read a change.
    expect(readByMeaning.mock.calls.length).toBeLessThanOrEqual(10);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1), { timeout: 2_000 });
    expect(hosts()[0]?.previousElementSibling?.textContent).toBe("Ann O'Neil");
    await vi.waitFor(() => expect(statuses().at(-1)).toMatchObject({ kind: "one-on-one", reader: "meaning" }));
    expect(readByMeaning.mock.calls.length).toBeLessThanOrEqual(12);
  });
});
