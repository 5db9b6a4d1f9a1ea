import { render } from "preact";
import { InterviewWidget } from "../../components/InterviewWidget";
import { widgetStyles } from "../../components/widget-styles";
import { defaultMarkup, type MarkupTable } from "../hellohire/markup";
import { candidateKey, type OneOnOneInterview, type PageReading, readPage, readUpcomingEmails } from "../hellohire/read-page";
import { messagesLanguage, t } from "../i18n/messages";
import type { ContentRequestType, PageStatus, PendingRating, SendMessage, TableSource } from "../messaging/protocol";
import { sameTarget } from "../sync/outbox";
import type { Rating } from "../sync/rating-tag";
import {
  afterLookup,
  afterOutboxChange,
  afterRating,
  awaitsProfile,
  type CandidateState,
  initialCandidateState,
  savingRating,
  widgetProps,
} from "./candidate-state";
import { type FocusIntent, trackFocusIntent } from "./focus-intent";
import { readBudget } from "./read-budget";
import { guardHost, isShown, widgetHostTag, widgetShadowMode } from "./widget-host";

/** A lookup that met a passing problem is asked again while its candidate is on screen: 5, 10, 15… s later. */
const passingKinds = new Set<string>(["offline", "server-error", "rate-limited"]);
const lookupRounds = 6;
const lookupRetryMs = 5_000;
/**
 * While no one is found, the reader by meaning runs at once on a burst of changes (up to 8), then at most 5 times a
 * second on a page that keeps changing (the last change is read): ~0.3 ms a read, ≤ 2 ms/s on a storming page.
 */
const meaningBurst = 8;
const meaningPerSecond = 5;
/** For this long after the candidate read by meaning disappeared, the page is read on every change, unbudgeted. */
const meaningGraceMs = 1_000;
/**
 * For this long after the candidate the table read went, the reader by meaning (~1 ms a page) waits: a host
 * re-rendering (the name removed, then inserted again) is read by the table again, not by meaning in between.
 */
const tableGraceMs = 100;
/** Read by meaning, the page is read again this often (a second labelled person may appear anywhere). */
const meaningRecheckMs = 3_000;
/** How long the widget says that a key press did not count. */
const noticeMs = 6_000;

export interface InterviewPageOptions {
  document: Document;
  /** To the background (lib/content/extension-api.ts): each answer typed by its message. */
  send: SendMessage<ContentRequestType>;
  signal: AbortSignal;
  markup?: MarkupTable;
  /** Whose markup table is in use: the defaults, the organisation's override (policy) or the interviewer's own (Set up this page). */
  tableSource?: TableSource;
  /** The reader by meaning (lib/hellohire/read-by-meaning.ts), tried when the table finds no one-on-one interview. */
  readByMeaning?: (document: Document) => PageReading;
  /** Problems with the markup override, reported with the page status; whose override it was. */
  overrideProblems?: string[];
  ignoredOverride?: "policy" | "user";
  /** False once the extension was reloaded or removed: reading it ends this page's work (via signal). */
  isAlive?(): boolean;
}

export interface InterviewPage {
  /** The outbox changed (the background said): queued ratings may have landed or failed. */
  outboxChanged(outbox: PendingRating[]): void;
  /** Re-reads the page now (the observer does it on every relevant mutation). */
  refresh(): void;
  /** Rates the candidate on screen (keyboard shortcut); no-op when there is none or it is not found yet. */
  rate(rating: Rating): void;
}

function refuse(event: Event) {
  event.stopImmediatePropagation();
  event.preventDefault();
}

function isDarkText(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  const match = view ? /rgba?\((\d+),\s*(\d+),\s*(\d+)/u.exec(view.getComputedStyle(element).color) : null;
  if (!match) return true;
  const [r, g, b] = match.slice(1, 4).map(Number) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** A node of the page and the parent it had when the page was read. */
type Place = readonly [Node, Node | null];

/** The card, the title, the room and all their ancestors, each with its parent: where the reading's parts sit. */
function placesOf(reading: OneOnOneInterview): Place[] {
  const places: Place[] = [];
  const seen = new Set<Node>();
  for (const start of [reading.region, reading.title, reading.room])
    for (let node: Node | null = start; node && !seen.has(node); node = node.parentNode) {
      seen.add(node);
      places.push([node, node.parentNode]);
    }
  return places;
}

/** Every node still has the parent it had (`now`: the same nodes read again, or the same list to check in place). */
function samePlaces(now: Place[], before: Place[]): boolean {
  if (now.length !== before.length) return false;
  return now.every(([node, parent], index) => {
    const [beforeNode, beforeParent] = before[index] ?? [null, null];
    return node === beforeNode && parent === beforeParent && node.parentNode === parent;
  });
}

function statusOf(reading: PageReading, options: InterviewPageOptions): PageStatus {
  const { overrideProblems, ignoredOverride = "policy" } = options;
  const reader: PageStatus["reader"] =
    reading.kind === "one-on-one" && reading.reader === "meaning" ? "meaning" : (options.tableSource ?? "default");
  const extra = { reader, ...(overrideProblems?.length ? { overrideProblems, ignoredOverride } : {}) };
  if (reading.kind === "one-on-one")
    return {
      kind: reading.kind,
      interviewName: reading.interviewName,
      jobTitle: reading.jobTitle,
      candidate: reading.candidate,
      ...extra,
    };
  if (reading.kind === "unreadable") return { kind: reading.kind, missing: reading.missing, ...extra };
  return { kind: reading.kind, ...extra };
}

/**
 * Keeps our widget under the candidate's name on a one-on-one interview page: mounts it when the
 * name appears (in the same microtask checkpoint as the host's change), moves it when the host
 * re-renders, resets it when the candidate changes, removes it everywhere else. Never throws
 * into the page.
 */
export function startInterviewPage(options: InterviewPageOptions): InterviewPage {
  const { document, send, signal } = options;
  const markup = options.markup ?? defaultMarkup;
  const states = new Map<string, CandidateState>();
  const interviewOf = new Map<string, string>();
  let host: HTMLElement | null = null;
  let setHostAttribute: (name: string, value: string) => void = () => undefined;
  let shadow: ShadowRoot | null = null;
  let current: {
    key: string;
    reading: OneOnOneInterview;
    card: Element;
    room: Element;
    title: Element | null;
    /** The card, the title, the room and each of their ancestors, with the parent each had when read (placesOf). */
    places: Place[];
  } | null = null;
  let lastStatus = "";
  let lastUpcoming = "";
  let observedRoom: Element | null = null;
  let paintedKey: string | null = null;
  let pendingReport: PageReading | null = null;
  let notice: string | null = null;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  const readByMeaning = options.readByMeaning ?? null;
  const meaningBudget = readBudget(meaningBurst, meaningPerSecond);
  let meaningTimer: ReturnType<typeof setTimeout> | undefined;
  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  let lostByMeaningAt = Number.NEGATIVE_INFINITY;
  let lostByTableAt = Number.NEGATIVE_INFINITY;
  let themeFrame = 0;

  const quietly = (promise: Promise<unknown>) => promise.catch(() => undefined);

  function update(key: string, change: (state: CandidateState) => CandidateState) {
    states.set(key, change(states.get(key) ?? initialCandidateState));
    if (key === current?.key) paint();
    else if (key === paintedKey) paintedKey = null; // detached widget is stale: repaint when it comes back
  }

  function paint() {
    if (!shadow || !current) return;
    const key = current.key;
    paintedKey = key;
    const state = states.get(key) ?? initialCandidateState;
    render(<InterviewWidget {...widgetProps(state, (rating) => rateCandidate(key, rating))} notice={notice} />, shadow);
  }

  /** Says for a moment, in the widget, that a key press did not count. */
  function showNotice() {
    notice = t("widgetKeyNotCounted");
    paint();
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => {
      notice = null;
      paint();
    }, noticeMs);
  }

  /**
   * Only the interviewer rates, knowingly: a page script's synthetic click never reaches our buttons or link, nor a
   * click while the page keeps the widget out of sight (transparent, hidden), nor a key press on a control the page
   * focused (focus-intent.ts). The keyboard shortcuts do not come through here.
   */
  function guardClick(event: MouseEvent, intent: FocusIntent) {
    if (!event.isTrusted || !host || !isShown(host)) return refuse(event);
    const control = event.target instanceof Element ? event.target.closest("a, button") : null;
    if (control && !intent.counts(event, control)) {
      refuse(event);
      showNotice();
    }
  }

  function lookUp(key: string, reading: OneOnOneInterview, attempt = 1) {
    if (attempt === 1) states.set(key, initialCandidateState);
    interviewOf.set(key, reading.interviewName);
    send({ type: "lookup", interviewName: reading.interviewName, jobTitle: reading.jobTitle, candidate: reading.candidate })
      .then((answer) => {
        update(key, (state) => afterLookup(state, answer));
        // SmartRecruiters was out of reach or busy: while this candidate is on screen, ask again a little later.
        if (answer.status === "error" && passingKinds.has(answer.kind) && attempt < lookupRounds)
          setTimeout(() => {
            if (current?.key === key) lookUp(key, reading, attempt + 1);
          }, lookupRetryMs * attempt);
      })
      .catch(() =>
        update(key, (state) => afterLookup(state, { status: "error", kind: "offline", message: t("extensionUpdated") })),
      );
  }

  function rateCandidate(key: string, rating: Rating | null) {
    const state = states.get(key);
    if (!state?.rateable || current?.key !== key || state.save.kind === "saving") return;
    const { interviewName, candidate } = current.reading;
    // The background rates only the person this tab last said it shows: a report still waiting goes first.
    if (pendingReport !== null) flushReport();
    // The background knows who this is from its own lookup for this tab: the page sends no ID. The message leaves
    // before the widget paints "saving", so that paint is off the rating's way to SmartRecruiters.
    const answered = send({ type: "rate", interviewName, candidate, rating });
    update(key, (s) => savingRating(s, rating));
    answered
      .then((answer) => update(key, (s) => afterRating(s, rating, answer)))
      .catch(() =>
        update(key, (s) => afterRating(s, rating, { status: "error", kind: "offline", message: t("extensionUpdatedReason") })),
      );
  }

  /** Removes the widget from the page but keeps it built, so the host's next insertion reattaches it cheaply. */
  function detach() {
    host?.remove();
    clearTimeout(recheckTimer);
    recheckTimer = undefined;
    if (current?.reading.reader === "meaning") lostByMeaningAt = performance.now();
    current = null;
    watchFocus(null);
  }

  function unmount() {
    detach();
    if (shadow) render(null, shadow);
    host = null;
    shadow = null;
    paintedKey = null;
  }

  function mountAfter(anchor: Element, candidateChanged: boolean) {
    if (!host) {
      host = document.createElement(widgetHostTag);
      setHostAttribute = guardHost(host, signal);
      // Our texts are in the browser's language, which need not be the page's.
      const language = messagesLanguage();
      if (language) setHostAttribute("lang", language);
      shadow = host.attachShadow({ mode: widgetShadowMode(document) });
      const intent = trackFocusIntent(document.defaultView ?? window, shadow, signal);
      shadow.addEventListener(
        "click",
        (event) => (event instanceof MouseEvent ? guardClick(event, intent) : refuse(event)),
        true,
      );
      const style = document.createElement("style");
      style.textContent = widgetStyles;
      shadow.append(style);
      candidateChanged = true;
    }
    if (anchor.nextElementSibling !== host) anchor.after(host);
    if (candidateChanged) themeBeforeNextFrame();
  }

  /**
   * Reading the page's text colour costs a style recalculation: once per candidate, and in the next animation frame,
   * where the browser recalculates style anyway, rather than in the host's task, whose own changes would make it
   * recalculate again. The widget's first frame already has the theme.
   */
  function themeBeforeNextFrame() {
    const view = document.defaultView;
    if (!view || themeFrame !== 0) return;
    themeFrame = view.requestAnimationFrame(() => {
      themeFrame = 0;
      const anchor = current?.reading.anchor;
      if (anchor && !signal.aborted) setHostAttribute("data-theme", isDarkText(anchor) ? "light" : "dark");
    });
  }

  /** Tells the background what the page shows (side panel, prefetch), after the widget is in place and off the host's task. */
  function scheduleReport(reading: PageReading) {
    if (pendingReport === null) setTimeout(flushReport, 50);
    pendingReport = reading;
  }

  function flushReport() {
    const reading = pendingReport;
    pendingReport = null;
    if (!reading || signal.aborted) return;
    const status = statusOf(reading, options);
    const text = JSON.stringify(status);
    if (text !== lastStatus) {
      lastStatus = text;
      quietly(send({ type: "pageStatus", status }));
    }
    if (reading.kind !== "one-on-one") return;
    const upcoming = readUpcomingEmails(document, markup);
    const upcomingText = JSON.stringify(upcoming);
    if (upcomingText !== lastUpcoming) {
      lastUpcoming = upcomingText;
      if (upcoming.length) quietly(send({ type: "prefetch", emails: upcoming }));
    }
  }

  /**
   * The mounted widget is still right after a change above the card or the title (their ancestors' children: see
   * watchFocus): the anchor and the widget, the card, the title, the room and every ancestor are where they were.
   */
  function stillRight(): boolean {
    if (!current || !host) return false;
    const { anchor } = current.reading;
    return anchor.isConnected && anchor.nextElementSibling === host && samePlaces(current.places, current.places);
  }

  function watchRoomAttributes(room: Element | null) {
    if (room === observedRoom) return;
    roomObserver.disconnect();
    observedRoom = room;
    if (room) roomObserver.observe(room, { attributes: true });
  }

  /**
   * What can change the reading without touching the card's ancestors' identity: in-place text
   * edits inside the card and the title (a framework reusing nodes), and a sibling card, title or room
   * inserted next to ours (a transition): watched closely here, each change read in full. For a reading by
   * meaning whose interview name is the tab's title, the title element too.
   */
  function watchFocus(reading: OneOnOneInterview | null) {
    focusObserver.disconnect();
    chainObserver.disconnect();
    if (!reading) {
      // No one on screen: the whole page is watched for someone to appear (unless this page's work has ended).
      if (!signal.aborted) observer.observe(document.documentElement, { childList: true, subtree: true });
      return;
    }
    const { region: card, title, room } = reading;
    const deep = { childList: true, subtree: true, characterData: true };
    const close = new Set<Node>();
    const watchClosely = (node: Node | null | undefined, options: MutationObserverInit) => {
      if (!node) return;
      close.add(node);
      focusObserver.observe(node, options);
    };
    watchClosely(card, deep);
    watchClosely(title, deep);
    if (!title && reading.reader === "meaning") watchClosely(document.head?.querySelector("title"), deep);
    watchClosely(card.parentNode, { childList: true });
    watchClosely(title?.parentNode, { childList: true });
    watchClosely(room.parentNode, { childList: true });
    // Someone on screen: only what can move or remove the card or the title is watched, not the whole page (a storm
    // in the video tiles or the chat costs nothing): each of their ancestors' children.
    for (const [, parent] of placesOf(reading))
      if (parent && !close.has(parent)) {
        close.add(parent);
        chainObserver.observe(parent, { childList: true });
      }
    observer.disconnect();
  }

  /** A change that only inserted or removed our widget's host. */
  function onlyOurWidget(record: MutationRecord): boolean {
    if (record.type !== "childList" || host === null) return false;
    for (const nodes of [record.addedNodes, record.removedNodes]) for (const node of nodes) if (node !== host) return false;
    return true;
  }

  /** Reads the page again in `wait` ms (unless a read is already planned), counted against the meaning budget or not. */
  function readAgainIn(wait: number, budgeted: boolean) {
    if (meaningTimer !== undefined) return;
    meaningTimer = setTimeout(() => {
      meaningTimer = undefined;
      if (budgeted) meaningBudget.take();
      refresh();
    }, wait);
  }

  /** The reading of the page: the markup table, then (throttled while it finds no one) the reader by meaning. */
  function read(records: MutationRecord[]): PageReading | null {
    const table = readPage(document, markup);
    if (table.kind === "one-on-one" || table.kind === "waiting" || table.kind === "other-format" || !readByMeaning) return table;
    // The candidate the table read has just gone: the table reads them again when the host puts them back.
    const now = performance.now();
    if (current?.reading.reader === "table") lostByTableAt = now;
    if (now - lostByTableAt < tableGraceMs) {
      readAgainIn(lostByTableAt + tableGraceMs - now, false);
      return table;
    }
    // A page nobody can read is read within its budget while it keeps changing; the last change is read.
    // Just after the candidate read by meaning went (a re-render removes their name, then inserts it), every change is read.
    const justLost = now - lostByMeaningAt < meaningGraceMs;
    const wait = !current && !justLost && records.length > 0 ? meaningBudget.take() : 0;
    if (wait > 0) {
      // The read this timer makes counts against the budget as well.
      readAgainIn(wait, true);
      return null;
    }
    const meaning = readByMeaning(document);
    return meaning.kind === "one-on-one" ? meaning : table;
  }

  function refresh(records: MutationRecord[] = []) {
    if (signal.aborted) return;
    try {
      if (records.length > 0 && stillRight()) return;
      const reading = read(records);
      if (!reading) return;
      scheduleReport(reading);
      watchRoomAttributes(document.querySelector(markup.selectors.room));
      if (reading.kind !== "one-on-one" || options.isAlive?.() === false) {
        if (host?.isConnected || current) detach();
        return;
      }
      const key = candidateKey(reading);
      const { region: card, title, room } = reading;
      const changed = key !== paintedKey;
      const places = placesOf(reading);
      const moved = !current || !samePlaces(places, current.places);
      if (card !== current?.card || title !== current?.title || moved || reading.reader !== current?.reading.reader)
        watchFocus(reading);
      current = { key, reading, card, room, title, places };
      // Read by meaning, the reading also depends on the rest of the page (a second labelled person appearing
      // elsewhere), which is not watched: read again every few seconds.
      if (reading.reader === "meaning" && recheckTimer === undefined)
        recheckTimer = setTimeout(() => {
          recheckTimer = undefined;
          refresh();
        }, meaningRecheckMs);
      if (changed && !states.has(key)) lookUp(key, reading);
      mountAfter(reading.anchor, changed);
      if (changed) paint();
    } catch {
      // The host page must never see our errors; the next mutation tries again.
    }
  }

  const observer = new MutationObserver((records) => refresh(records));
  const roomObserver = new MutationObserver(() => refresh());
  // Our own widget moving in or out of the card is no change to read (the others check stillRight()).
  const focusObserver = new MutationObserver((records) => {
    if (!records.every(onlyOurWidget)) refresh();
  });
  const chainObserver = new MutationObserver((records) => refresh(records));
  observer.observe(document.documentElement, { childList: true, subtree: true });
  const onPageShow = () => refresh();
  document.defaultView?.addEventListener("pageshow", onPageShow);
  signal.addEventListener("abort", () => {
    unmount();
    observer.disconnect();
    roomObserver.disconnect();
    focusObserver.disconnect();
    chainObserver.disconnect();
    clearTimeout(meaningTimer);
    clearTimeout(recheckTimer);
    document.defaultView?.cancelAnimationFrame(themeFrame);
    document.defaultView?.removeEventListener("pageshow", onPageShow);
  });
  for (const stale of document.querySelectorAll(widgetHostTag)) stale.remove();
  refresh();
  return {
    refresh: () => refresh(),
    outboxChanged(outbox) {
      for (const [key, state] of states) {
        const { candidateId } = state;
        const waiting = state.save.kind === "queued" || (state.save.kind === "failed" && state.save.inOutbox === true);
        if (!candidateId || !waiting) continue;
        const target = { candidateId, interviewName: interviewOf.get(key) ?? "", rating: null };
        update(key, (s) =>
          afterOutboxChange(
            s,
            outbox.find((entry) => sameTarget(entry, target)),
          ),
        );
        // Their queued rating created them: a lookup now brings the profile link.
        const after = states.get(key);
        if (after && awaitsProfile(after) && current?.key === key) lookUp(key, current.reading);
      }
    },
    rate(rating) {
      if (current) rateCandidate(current.key, rating);
    },
  };
}
