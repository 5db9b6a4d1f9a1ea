import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hostStyle } from "../../components/widget-styles";
import { guardHost, isShown, widgetShadowMode } from "./widget-host";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("widgetShadowMode", () => {
  afterEach(() => {
    document.documentElement.removeAttribute("data-srh-e2e-open-widget");
    vi.unstubAllEnvs();
  });

  it("is closed: the page cannot reach the widget's contents", () => {
    expect(widgetShadowMode(document)).toBe("closed");
    const host = document.createElement("div");
    host.attachShadow({ mode: widgetShadowMode(document) });
    expect(host.shadowRoot).toBeNull();
  });

  it("opens for the end-to-end tests' attribute in a test build only", () => {
    document.documentElement.setAttribute("data-srh-e2e-open-widget", "");
    expect(widgetShadowMode(document)).toBe("open");
    vi.stubEnv("MODE", "production");
    expect(widgetShadowMode(document)).toBe("closed");
  });
});

describe("guardHost", () => {
  let controller: AbortController;
  let host: HTMLElement;
  let setOurs: (name: string, value: string) => void;

  beforeEach(() => {
    controller = new AbortController();
    host = document.createElement("srh-test-host");
    document.body.append(host);
    setOurs = guardHost(host, controller.signal);
    setOurs("data-theme", "dark");
  });

  afterEach(() => {
    controller.abort();
    host.remove();
  });

  it("gives the host our important inline style", () => {
    expect(host.getAttribute("style")).toBe(hostStyle);
    expect(host.style.getPropertyValue("display")).toBe("block");
    expect(host.style.getPropertyPriority("display")).toBe("important");
  });

  it("puts our style back when the page changes it", async () => {
    host.style.setProperty("display", "none", "important");
    host.style.opacity = "0";
    await settle();
    expect(host.getAttribute("style")).toBe(hostStyle);
    host.removeAttribute("style");
    await settle();
    expect(host.getAttribute("style")).toBe(hostStyle);
  });

  it("removes what the page adds to hide, disable, focus or move the host, and undoes changes to ours", async () => {
    host.hidden = true;
    host.setAttribute("inert", "");
    host.setAttribute("popover", "");
    host.setAttribute("tabindex", "0");
    host.className = "offscreen";
    host.setAttribute("data-theme", "light");
    await settle();
    expect(host.getAttributeNames().sort()).toEqual(["data-theme", "style"]);
    expect(host.getAttribute("data-theme")).toBe("dark");
  });

  it("keeps the attributes we set later", async () => {
    setOurs("lang", "fr");
    await settle();
    expect(host.getAttribute("lang")).toBe("fr");
  });

  it("stops once the widget is stopped", async () => {
    controller.abort();
    host.hidden = true;
    await settle();
    expect(host.hidden).toBe(true);
  });
});

describe("isShown", () => {
  let card: HTMLElement;
  let host: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = '<section id="outer"><div id="card"></div></section>';
    card = document.getElementById("card") as HTMLElement;
    host = document.createElement("srh-test-host");
    card.append(host);
  });

  it("is true for a host in plain sight", () => {
    expect(isShown(host)).toBe(true);
  });

  it("is false while the page makes an ancestor transparent, true again when it stops", () => {
    card.style.opacity = "0";
    expect(isShown(host)).toBe(false);
    card.style.opacity = "0.4";
    expect(isShown(host)).toBe(false);
    card.style.opacity = "";
    expect(isShown(host)).toBe(true);
  });

  it("multiplies the opacities on the way up", () => {
    card.style.opacity = "0.7";
    expect(isShown(host)).toBe(true);
    (document.getElementById("outer") as HTMLElement).style.opacity = "0.6";
    expect(isShown(host)).toBe(false);
  });

  it("is false when an ancestor is hidden, or the host is not in the page", () => {
    card.style.display = "none";
    expect(isShown(host)).toBe(false);
    card.style.display = "";
    host.remove();
    expect(isShown(host)).toBe(false);
  });

  it("follows the host out of the page's own shadow roots", () => {
    const outerHost = document.createElement("div");
    document.body.append(outerHost);
    const root = outerHost.attachShadow({ mode: "open" });
    root.append(host);
    expect(isShown(host)).toBe(true);
    outerHost.style.opacity = "0.1";
    expect(isShown(host)).toBe(false);
  });
});
