// @vitest-environment node

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkedRedirectUri,
  chromiumRedirectHost,
  firefoxRedirectHost,
  isAllowedRedirectUri,
  isFirefoxAddonId,
  type RedirectAllowList,
} from "./redirect-uri";

const CHROMIUM_ID = "ojjencidapbffadplbcanpdemoboeflj";
const FIREFOX_ID = "smartrecruiters-for-hellohire@example.org";

describe("firefoxRedirectHost", () => {
  it("is the hex SHA-1 of the add-on ID on extensions.allizom.org, as Firefox computes it", async () => {
    // A published pair: this braced-GUID add-on's identity.getRedirectURL() host.
    expect(await firefoxRedirectHost("{4b376457-9460-4891-b28a-60499c2e3343}")).toBe(
      "e74fe0942ca5c6c17185e1e4d5798b0ecd5a36d4.extensions.allizom.org",
    );
    const sha1 = createHash("sha1").update(FIREFOX_ID, "utf8").digest("hex");
    expect(await firefoxRedirectHost(FIREFOX_ID)).toBe(`${sha1}.extensions.allizom.org`);
  });
});

describe("isFirefoxAddonId", () => {
  it.each([FIREFOX_ID, "@addon-example", "{daf44bf7-a45e-4450-979c-91cf07434c3d}", "{DAF44BF7-A45E-4450-979C-91CF07434C3D}"])(
    "accepts %s",
    (id) => expect(isFirefoxAddonId(id)).toBe(true),
  );
  it.each(["", "no-at-sign", "a@", "{not-a-guid}", "a b@example.org", `${"a".repeat(70)}@example.org`])("refuses %j", (id) =>
    expect(isFirefoxAddonId(id)).toBe(false),
  );
});

describe("checkedRedirectUri", () => {
  it("keeps https and loopback http URIs, as a URL writes them", () => {
    expect(checkedRedirectUri("https://Example.org/callback")).toBe("https://example.org/callback");
    expect(checkedRedirectUri(" http://127.0.0.1/mozoauth2/abc ")).toBe("http://127.0.0.1/mozoauth2/abc");
  });
  it.each([
    "http://example.org/cb",
    "https://user@example.org/cb",
    "https://example.org/cb?x=1",
    "https://example.org/cb#f",
    "not a url",
  ])("refuses %s", (uri) => expect(checkedRedirectUri(uri)).toBeUndefined());
});

describe("isAllowedRedirectUri", () => {
  const allow = async (): Promise<RedirectAllowList> => ({
    hosts: new Set([chromiumRedirectHost(CHROMIUM_ID), await firefoxRedirectHost(FIREFOX_ID)]),
    uris: new Set(["http://127.0.0.1/mozoauth2/abc"]),
  });

  it("accepts the allowed extensions' redirect URLs, with any path, and the exact extra URIs", async () => {
    const list = await allow();
    const firefoxHost = await firefoxRedirectHost(FIREFOX_ID);
    for (const uri of [
      `https://${CHROMIUM_ID}.chromiumapp.org/`,
      `https://${CHROMIUM_ID}.chromiumapp.org/oauth/callback`,
      `https://${firefoxHost}/`,
      `https://${firefoxHost}/cb`,
      "http://127.0.0.1/mozoauth2/abc",
    ]) {
      expect(isAllowedRedirectUri(uri, list), uri).toBe(true);
    }
  });

  it("refuses anything else", async () => {
    const list = await allow();
    for (const uri of [
      "",
      "not a url",
      "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/",
      `http://${CHROMIUM_ID}.chromiumapp.org/`,
      `https://${CHROMIUM_ID}.chromiumapp.org`,
      `https://${CHROMIUM_ID.toUpperCase()}.chromiumapp.org/`,
      `https://${CHROMIUM_ID}.chromiumapp.org.evil.example/`,
      `https://evil.${CHROMIUM_ID}.chromiumapp.org/`,
      `https://user@${CHROMIUM_ID}.chromiumapp.org/`,
      `https://${CHROMIUM_ID}.chromiumapp.org@evil.example/`,
      `https://${CHROMIUM_ID}.chromiumapp.org:8443/`,
      `https://${CHROMIUM_ID}.chromiumapp.org:443/`,
      `https://${CHROMIUM_ID}.chromiumapp.org/?next=https://evil.example`,
      `https://${CHROMIUM_ID}.chromiumapp.org/?`,
      `https://${CHROMIUM_ID}.chromiumapp.org/#x`,
      `https://${CHROMIUM_ID}.chromiumapp.org/a b`,
      "https://0000000000000000000000000000000000000000.extensions.allizom.org/",
      "http://127.0.0.1/mozoauth2/abcd",
      "https://127.0.0.1/mozoauth2/abc",
    ]) {
      expect(isAllowedRedirectUri(uri, list), uri).toBe(false);
    }
  });
});
