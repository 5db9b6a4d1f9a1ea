// Hellohire fixture app: client-side router, pages, and the `window.__hellohire` test hook.

import { appHref, loadSession, readConfig } from "./data.js";
import { h, swap } from "./dom.js";
import { createGroupRoom } from "./group.js";
import { createDashboard, createNotFound, createSignIn } from "./pages.js";
import { createOneOnOneRoom } from "./room.js";
import { css } from "./styles.js";
import { topBar } from "./ui.js";

const root = /** @type {HTMLElement} */ (document.getElementById("root"));

/** @type {any} */
let session = null;
/** The mounted page controller: { route, format, node, destroy(), ...room methods }. */
/** @type {any} */
let page = null;
let pagePath = "";
let bar = /** @type {HTMLElement|null} */ (null);

let resolveReady = () => {};
const ready = new Promise((resolve) => {
  resolveReady = resolve;
});

function applyTheme(theme) {
  const html = document.documentElement;
  html.classList.toggle("theme-dark", theme === "dark");
  html.classList.toggle("theme-light", theme !== "dark");
  html.dataset.theme = theme;
  html.style.colorScheme = theme;
}

function toggleTheme() {
  const url = new URL(window.location.href);
  const dark = readConfig().theme !== "dark";
  if (dark) url.searchParams.set("theme", "dark");
  else url.searchParams.delete("theme");
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  applyTheme(dark ? "dark" : "light");
  if (bar !== null) bar = swap(bar, makeTopBar("Events"));
}

function makeTopBar(active) {
  return topBar(session, { active, theme: readConfig().theme, onToggleTheme: toggleTheme });
}

/** Navigates inside the app (pushState, no reload). */
export function navigate(href, options = {}) {
  const target = new URL(href, window.location.href);
  if (target.origin !== window.location.origin) {
    window.location.assign(target.href);
    return;
  }
  const relative = `${target.pathname}${target.search}${target.hash}`;
  if (options.replace) window.history.replaceState(null, "", relative);
  else window.history.pushState(null, "", relative);
  render();
}

function findRoom(eventId, interviewId) {
  const event = session.events.find((candidate) => candidate.id === eventId);
  const interview = event?.interviews.find((candidate) => candidate.id === interviewId);
  if (!event || !interview?.roomPath) return null;
  return { event, interview };
}

function render() {
  const config = readConfig();
  applyTheme(config.theme);
  page?.destroy();
  page = null;
  bar = null;

  const path = window.location.pathname.replace(/\/+$/, "") || "/";
  pagePath = path;
  if (path === "/") {
    navigate(appHref("/events"), { replace: true });
    return;
  }

  const roomMatch = path.match(/^\/events\/([^/]+)\/interviews\/([^/]+)\/room$/);
  if (path === "/sign-in") {
    page = createSignIn({ navigate: (href) => navigate(appHref(href)) });
    document.title = "Sign in · Hellohire";
    root.replaceChildren(page.node);
    return;
  }

  if (path === "/events") {
    page = createDashboard({ session, config });
    document.title = "Events · Hellohire";
  } else if (roomMatch) {
    const found = findRoom(decodeURIComponent(roomMatch[1]), decodeURIComponent(roomMatch[2]));
    if (found === null) {
      page = createNotFound();
    } else {
      const ctx = { session, config, ...found, navigate: (href) => navigate(appHref(href)) };
      page = found.interview.format === "group" ? createGroupRoom(ctx) : createOneOnOneRoom(ctx);
      if (found.interview.format === "group")
        document.title = `${config.interview ?? found.interview.name} · Group interview · Hellohire`;
    }
  } else {
    page = createNotFound();
    document.title = "Not found · Hellohire";
  }
  bar = makeTopBar("Events");
  root.replaceChildren(h("div", { class: css.App.shell }, bar, page.node));
}

function onLinkClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || url.protocol === "mailto:") return;
  if (anchor.getAttribute("href")?.startsWith("#")) return;
  event.preventDefault();
  navigate(url.href);
}

function onPopState() {
  const path = window.location.pathname.replace(/\/+$/, "") || "/";
  if (page && path === pagePath && page.route === "room") {
    applyTheme(readConfig().theme);
    page.syncFromUrl();
  } else {
    render();
  }
}

function requireRoom(method) {
  if (page?.route !== "room") {
    throw new Error(`__hellohire.${method}: not in an interview room (route: ${page?.route ?? "loading"})`);
  }
  return page;
}

/** Test hook used by end-to-end tests, the benchmark and the demo. */
const hook = {
  /** Resolves once the session is loaded and the first page is rendered. */
  ready,
  /** Advances to the next candidate (one-on-one; from waiting, admits the next). */
  next: () => requireRoom("next").next(),
  /** Ends the current interview (one-on-one): waiting state, queue unchanged. */
  end: () => requireRoom("end").end(),
  /** Jumps to the candidate with this key (one-on-one). */
  show: (key) => requireRoom("show").show(key),
  /** Replaces the candidate-name node(s) with identical new ones, now. */
  replaceName: () => requireRoom("replaceName").replaceName(),
  /** Replaces the queue ({firstName,lastName,email,key?}[]) and shows its first candidate. */
  setPeople: (people) => requireRoom("setPeople").setPeople(people),
  /** Client-side navigation (pushState), e.g. navigate("/events"). */
  navigate: (href) => navigate(href),
  /** { route, candidateKey, format, waiting, interviewName, … } */
  state() {
    if (page && typeof page.state === "function") return page.state();
    return { route: page?.route ?? "loading", candidateKey: null, format: page?.format ?? null, waiting: false };
  },
};
Object.defineProperty(window, "__hellohire", { value: Object.freeze(hook), configurable: true });

function inlineSession() {
  const element = document.getElementById("hellohire-session");
  if (!element) return null;
  try {
    return JSON.parse(element.textContent ?? "");
  } catch (error) {
    console.warn("[hellohire fixture] invalid inline session, fetching /api/session", error);
    return null;
  }
}

async function start() {
  applyTheme(readConfig().theme);
  root.replaceChildren(
    h("div", { class: css.App.loading }, h("span", { class: css.App.spinner, "aria-hidden": "true" }), "Loading Hellohire…"),
  );
  try {
    // Embedded by the fixture server (renders before the `load` event); otherwise fetched.
    session = inlineSession() ?? (await loadSession());
  } catch (error) {
    root.replaceChildren(
      h("div", { class: css.App.loading, role: "alert" }, `Hellohire could not load your session: ${String(error)}`),
    );
    throw error;
  }
  document.addEventListener("click", onLinkClick);
  window.addEventListener("popstate", onPopState);
  render();
  document.documentElement.dataset.hellohireReady = "true";
  resolveReady(true);
}

start();
