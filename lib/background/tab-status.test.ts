import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { forgetTab, pickHellohireTab, reportingTabs, setTabStatus, tabStatus } from "./tab-status";

beforeEach(() => {
  fakeBrowser.reset();
});

describe("tab statuses", () => {
  it("five tabs reporting and then closing at once leave nothing behind", async () => {
    await Promise.all([1, 2, 3, 4, 5].map((tab) => setTabStatus(tab, { kind: "waiting" })));
    expect(await Promise.all([1, 2, 3, 4, 5].map(tabStatus))).toEqual(Array(5).fill({ kind: "waiting" }));
    await Promise.all([1, 2, 3, 4, 5].map(forgetTab));
    expect(await fakeBrowser.storage.session.get("pages.status")).toEqual({ "pages.status": {} });
    expect(await pickHellohireTab(1, [1, 2])).toBeNull();
  });

  it("reads a tab's status after the reports already under way (a rating right after a new status sees it)", async () => {
    await setTabStatus(4, { kind: "waiting" });
    const reporting = setTabStatus(4, { kind: "one-on-one", interviewName: "CSR" });
    expect(await tabStatus(4)).toEqual({ kind: "one-on-one", interviewName: "CSR" });
    await reporting;
  });

  it("lists the tabs that reported and are still open", async () => {
    expect(await reportingTabs()).toEqual([]);
    await setTabStatus(3, { kind: "one-on-one" });
    await setTabStatus(8, { kind: "disabled" });
    await forgetTab(3);
    expect(await reportingTabs()).toEqual([8]);
  });
});
