import { describe, expect, it } from "vitest";
import { senderRole } from "./sender";

const trusted = {
  extensionId: "ext",
  extensionOrigin: "chrome-extension://ext/",
  contentPagePatterns: ["https://www.tryhellohire.com/*"],
};

describe("senderRole", () => {
  it("recognises our own pages", () => {
    expect(senderRole({ id: "ext", url: "chrome-extension://ext/sidepanel.html" }, trusted)).toBe("extension-page");
  });

  it("recognises our content script on an allowed Hellohire page", () => {
    expect(senderRole({ id: "ext", url: "https://www.tryhellohire.com/room", tab: {} }, trusted)).toBe("content-script");
  });

  it("refuses other extensions, other pages and frames without a tab", () => {
    expect(senderRole({ id: "other", url: "chrome-extension://other/x.html" }, trusted)).toBeNull();
    expect(senderRole({ id: "ext", url: "https://evil.example/", tab: {} }, trusted)).toBeNull();
    expect(senderRole({ id: "ext", url: "https://www.tryhellohire.com.evil.example/", tab: {} }, trusted)).toBeNull();
    expect(senderRole({ id: "ext", url: "https://www.tryhellohire.com/room" }, trusted)).toBeNull();
    expect(senderRole({ id: "ext" }, trusted)).toBeNull();
  });
});
