import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeSend } from "../messaging/fake-send";
import { parseRequest } from "../messaging/protocol";
import { runSetup } from "./run-setup";
import { type SetupPickerOptions, startSetupPicker } from "./setup-picker";

vi.mock("./setup-picker", () => ({ startSetupPicker: vi.fn(() => ({ cancel: () => undefined })) }));

/** The background: answers the set-up's messages, each kept in `sent`. */
function backgroundSaying(sent: unknown[]) {
  return fakeSend({ setupProgress: () => ({ status: "ok" }), setupPicked: () => ({ status: "ok" }) }, (request) =>
    sent.push(request),
  );
}

/** The picker the set-up started: its callbacks, as the interviewer's clicks would call them. */
function startedPicker(): SetupPickerOptions {
  const options = vi.mocked(startSetupPicker).mock.calls.at(-1)?.[0];
  if (!options) throw new Error("no picker started");
  return options;
}

function page() {
  document.body.innerHTML = `
    <main>
      <div id="title">CSR</div>
      <section id="card"><div id="name">Ann O'Neil</div><span id="first">Ann</span><span id="last">O'Neil</span>
      <span id="email">ann.oneil@example.com</span></section>
    </main>`;
  const byId = (id: string) => document.getElementById(id) as Element;
  return byId;
}

describe("runSetup", () => {
  afterEach(() => {
    vi.mocked(startSetupPicker).mockClear();
    document.body.innerHTML = "";
  });

  it("tells the background each next step, and sends the selectors derived from the picks", async () => {
    const byId = page();
    const sent: unknown[] = [];
    runSetup(document, backgroundSaying(sent));
    const picker = startedPicker();
    picker.onStep?.("name", byId("name"));
    picker.onStep?.("email", byId("email"));
    picker.onBack?.("email");
    picker.onDone({
      name: byId("name"),
      email: byId("email"),
      firstName: byId("first"),
      lastName: byId("last"),
      interviewTitle: byId("title"),
      jobTitle: null,
    });
    expect(sent.slice(0, 3)).toEqual([
      { type: "setupProgress", step: "email" },
      { type: "setupProgress", step: "firstName" },
      { type: "setupProgress", step: "email" },
    ]);
    const picked = parseRequest(sent[3]);
    expect(picked?.type).toBe("setupPicked");
    if (picked?.type !== "setupPicked") return;
    expect(document.querySelector(picked.selectors.candidateName ?? "")).toBe(byId("name"));
    expect(document.querySelector(picked.selectors.emailValue ?? "")).toBe(byId("email"));
    expect(picked.selectors.jobTitle).toBeUndefined();
  });

  it("says it was cancelled when the interviewer cancels, or when no selector can be derived", () => {
    const byId = page();
    const sent: unknown[] = [];
    runSetup(document, backgroundSaying(sent));
    startedPicker().onCancel();
    runSetup(document, backgroundSaying(sent));
    const same = byId("name");
    startedPicker().onDone({
      name: same,
      email: null,
      firstName: same,
      lastName: byId("last"),
      interviewTitle: byId("title"),
      jobTitle: null,
    });
    expect(sent).toEqual([
      { type: "setupProgress", step: "cancelled" },
      { type: "setupProgress", step: "cancelled" },
    ]);
  });

  it("starts no second picker while one runs, whatever the page puts in its DOM", () => {
    page();
    const pageMade = document.createElement("srh-setup-picker");
    document.documentElement.append(pageMade);
    runSetup(document, backgroundSaying([]));
    expect(startSetupPicker).toHaveBeenCalledTimes(1);
    runSetup(document, backgroundSaying([]));
    expect(startSetupPicker).toHaveBeenCalledTimes(1);
    startedPicker().onCancel();
    runSetup(document, backgroundSaying([]));
    expect(startSetupPicker).toHaveBeenCalledTimes(2);
    startedPicker().onCancel();
    pageMade.remove();
  });
});
