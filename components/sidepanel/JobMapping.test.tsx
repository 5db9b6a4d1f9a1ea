import { render, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { speakFrench } from "../../lib/i18n/fake-i18n";
import { fakeSend } from "../../lib/messaging/fake-send";
import type { JobMapping } from "../../lib/settings/policy";
import { SidePanel } from "./SidePanel";
import { createPanelStore } from "./store";
import { connectionStatus, quietBackend } from "./test-fixtures";

/** The side panel, connected, with the organisation's policy mapping interviews to jobs as `policy.jobs` holds at each read. */
function panel(policy: { jobs: JobMapping | undefined }) {
  const send = fakeSend({
    activeTab: () => ({ status: "ok", page: null }),
    candidateDetails: () => ({ status: "no-candidate" }),
    getStatus: () => ({ status: "ok", connection: connectionStatus(true) }),
  });
  const store = createPanelStore(
    quietBackend(send, {
      readSettings: async () => ({ integrationEnabled: true, createAndUpdateCandidates: true }),
      managedSettings: async () => ["createAndUpdateCandidates"],
      // As entrypoints/sidepanel/main.tsx reads it: the cached policy's value, none when unset.
      jobByInterview: async () => policy.jobs ?? {},
    }),
  );
  render(<SidePanel store={store} />);
  return { store, loaded: store.getState().load() };
}

/** Each listed interview with its job ID, as the interviewer reads them. */
function listed(): [string, string][] {
  const list = within(screen.getByTestId("job-mapping"));
  const names = list.getAllByRole("term").map((term) => term.textContent ?? "");
  const jobs = list.getAllByRole("definition").map((definition) => definition.textContent ?? "");
  return names.map((name, i) => [name, jobs[i] ?? ""]);
}

describe("JobMapping: the jobs the organisation sets for its interviews", () => {
  it("lists each interview with its SmartRecruiters job, marked as managed by the organisation", async () => {
    panel({ jobs: { CSR: "3a7f0c2e-51d4-4c1b-9d8e-0f6b2a7c9e10", "Warehouse Associate": "743999913752346" } });
    const section = await screen.findByTestId("job-mapping");
    expect(within(section).getByText("Jobs set by your organisation (2)")).toBeTruthy();
    expect(listed()).toEqual([
      ["CSR", "3a7f0c2e-51d4-4c1b-9d8e-0f6b2a7c9e10"],
      ["Warehouse Associate", "743999913752346"],
    ]);
    expect(section.querySelector("details")?.open).toBe(true);
    expect(section.textContent).toContain("Managed by your organisation.");
    expect(section.textContent).toContain("so every interviewer finds them");
  });

  it("shows nothing when the policy maps no interview", async () => {
    const { loaded } = panel({ jobs: undefined });
    await loaded;
    await screen.findByRole("switch", { name: "SmartRecruiters integration" });
    expect(screen.queryByTestId("job-mapping")).toBeNull();
    expect(screen.queryByText(/Jobs set by your organisation/u)).toBeNull();
  });

  it("follows a policy change with the settings' own re-read: added, then removed", async () => {
    const policy: { jobs: JobMapping | undefined } = { jobs: undefined };
    const { store, loaded } = panel(policy);
    await loaded;
    expect(screen.queryByTestId("job-mapping")).toBeNull();
    policy.jobs = { CSR: "job-csr" };
    await store.getState().loadSettings();
    await waitFor(() => expect(listed()).toEqual([["CSR", "job-csr"]]));
    policy.jobs = undefined;
    await store.getState().loadSettings();
    await waitFor(() => expect(screen.queryByTestId("job-mapping")).toBeNull());
  });

  it("shows names and IDs as text, and folds a long list", async () => {
    const jobs = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Interview ${i}`, `job-${i}`]));
    panel({ jobs: { ...jobs, "<img src=x onerror=alert(1)>": "job-x" } });
    const section = await screen.findByTestId("job-mapping");
    expect(section.querySelector("details")?.open).toBe(false);
    expect(within(section).getByText("Jobs set by your organisation (13)")).toBeTruthy();
    expect(within(section).getByText("<img src=x onerror=alert(1)>")).toBeTruthy();
    expect(section.querySelector("img")).toBeNull();
  });

  it("speaks French", async () => {
    speakFrench();
    panel({ jobs: { CSR: "job-csr" } });
    const section = await screen.findByTestId("job-mapping");
    expect(section.textContent).toContain("Postes définis par votre organisation (1)");
    expect(section.textContent).toContain("Géré par votre organisation.");
  });
});
