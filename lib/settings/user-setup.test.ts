import { describe, expect, it } from "vitest";
import { maxSelectorLength } from "../hellohire/markup-override";
import {
  maxUserSetups,
  originOf,
  parseSetupSelectors,
  removeUserSetup,
  saveUserSetup,
  userSetupFor,
  userSetups,
} from "./user-setup";

const acme = "https://hire.acme.com";
const picked = { candidateName: "[data-qa='candidate'] h2", emailValue: "a[href^='mailto:']" };

describe("originOf", () => {
  it("gives the origin of an http(s) page address, port included", () => {
    expect(originOf("https://hire.acme.com/rooms/42?x=1#top")).toBe(acme);
    expect(originOf("http://127.0.0.1:8080/interview")).toBe("http://127.0.0.1:8080");
  });

  it("gives null for no address, a non-web page or something that is not an address", () => {
    expect(originOf(undefined)).toBeNull();
    expect(originOf("")).toBeNull();
    expect(originOf("chrome://extensions/")).toBeNull();
    expect(originOf("file:///home/ann/page.html")).toBeNull();
    expect(originOf("not an address")).toBeNull();
  });
});

describe("parseSetupSelectors", () => {
  it("keeps the known entries a page sent", () => {
    expect(parseSetupSelectors({ selectors: picked })).toEqual(picked);
  });

  it("refuses a set-up naming an entry the table does not have", () => {
    expect(parseSetupSelectors({ selectors: { ...picked, candidatePhoto: "img" } })).toBeNull();
  });

  it("refuses empty, blank, non-string and too long selectors", () => {
    expect(parseSetupSelectors({ selectors: { candidateName: "" } })).toBeNull();
    expect(parseSetupSelectors({ selectors: { candidateName: "   " } })).toBeNull();
    expect(parseSetupSelectors({ selectors: { candidateName: 3 } })).toBeNull();
    expect(parseSetupSelectors({ selectors: { candidateName: "h".repeat(maxSelectorLength) } })).toEqual({
      candidateName: "h".repeat(maxSelectorLength),
    });
    expect(parseSetupSelectors({ selectors: { candidateName: "h".repeat(maxSelectorLength + 1) } })).toBeNull();
  });

  it("refuses a set-up with no entries or not shaped as one", () => {
    expect(parseSetupSelectors({ selectors: {} })).toBeNull();
    expect(parseSetupSelectors({})).toBeNull();
    expect(parseSetupSelectors({ selectors: "h2" })).toBeNull();
    expect(parseSetupSelectors(null)).toBeNull();
    expect(parseSetupSelectors("h2")).toBeNull();
  });
});

describe("the interviewer's set-ups", () => {
  it("saves a set-up for a site, finds it by that origin only, and removes it", async () => {
    await saveUserSetup(acme, { selectors: picked });
    expect((await userSetupFor(acme))?.override).toEqual({ selectors: picked });
    expect(await userSetupFor("https://other.example")).toBeNull();
    expect(await userSetupFor(null)).toBeNull();
    await removeUserSetup(acme);
    expect(await userSetupFor(acme)).toBeNull();
    expect(await userSetups.getValue()).toEqual([]);
  });

  it("keeps one set-up per site: saving again replaces it", async () => {
    await saveUserSetup(acme, { selectors: picked });
    await saveUserSetup(acme, { selectors: { candidateName: "h1" } });
    const all = await userSetups.getValue();
    expect(all).toHaveLength(1);
    expect(all[0]?.override).toEqual({ selectors: { candidateName: "h1" } });
  });

  it("removing a site with no set-up leaves the others", async () => {
    await saveUserSetup(acme, { selectors: picked });
    await removeUserSetup("https://other.example");
    expect(await userSetupFor(acme)).not.toBeNull();
  });

  it(`remembers at most ${maxUserSetups} sites, dropping the oldest set-up`, async () => {
    const site = (index: number) => `https://hire${index}.example`;
    for (let index = 0; index <= maxUserSetups; index++) await saveUserSetup(site(index), { selectors: picked });
    const origins = (await userSetups.getValue()).map((setup) => setup.origin);
    expect(origins).toHaveLength(maxUserSetups);
    expect(origins).not.toContain(site(0));
    expect(origins).toContain(site(maxUserSetups));
    // Saving a site again makes it the newest: the oldest other site goes next.
    await saveUserSetup(site(1), { selectors: picked });
    await saveUserSetup("https://late.example", { selectors: picked });
    const after = (await userSetups.getValue()).map((setup) => setup.origin);
    expect(after).toContain(site(1));
    expect(after).not.toContain(site(2));
    expect(after).toHaveLength(maxUserSetups);
  });
});
