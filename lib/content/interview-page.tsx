import { render } from "preact";
import { InterviewWidget } from "../../components/InterviewWidget";
import { widgetStyles } from "../../components/widget-styles";
import { candidateKey, type OneOnOneInterview, readPage } from "../hellohire/read-page";
import type { LookupResponse, RateResponse, Request } from "../messaging/protocol";
import type { Rating } from "../sync/rating-tag";
import {
  afterLookup,
  afterRating,
  type CandidateState,
  initialCandidateState,
  savingRating,
  widgetProps,
} from "./candidate-state";

export interface InterviewPageOptions {
  document: Document;
  send(request: Request): Promise<unknown>;
  signal: AbortSignal;
}

export const widgetHostTag = "srh-interview-widget";

function isDarkText(element: Element): boolean {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/u.exec(getComputedStyle(element).color);
  if (!match) return false;
  const [r, g, b] = match.slice(1, 4).map(Number) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

function ignoreUntrusted(event: Event) {
  if (!event.isTrusted) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
}

/**
 * Keeps our widget under the candidate's name on a one-on-one interview page: mounts it when the
 * name appears, moves it when the host re-renders, resets it when the candidate changes, removes
 * it everywhere else. Never throws into the page.
 */
export function startInterviewPage({ document, send, signal }: InterviewPageOptions): { refresh(): void } {
  const states = new Map<string, CandidateState>();
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let currentKey: string | null = null;
  let current: OneOnOneInterview | null = null;

  function update(key: string, change: (state: CandidateState) => CandidateState) {
    states.set(key, change(states.get(key) ?? initialCandidateState));
    if (key === currentKey) paint();
  }

  function paint() {
    if (!shadow || !currentKey) return;
    const key = currentKey;
    const state = states.get(key) ?? initialCandidateState;
    render(<InterviewWidget {...widgetProps(state, (rating) => rateCurrent(key, rating))} />, shadow);
  }

  function lookUp(key: string, reading: OneOnOneInterview) {
    states.set(key, initialCandidateState);
    send({ type: "lookup", interviewName: reading.interviewName, candidate: reading.candidate })
      .then((response) => update(key, (state) => afterLookup(state, response as LookupResponse)))
      .catch(() =>
        update(key, (state) =>
          afterLookup(state, { status: "error", kind: "offline", message: "The extension was updated: reload the page." }),
        ),
      );
  }

  function rateCurrent(key: string, rating: Rating | null) {
    const state = states.get(key);
    if (!state?.candidateId || !current || state.save.kind === "saving") return;
    const { interviewName } = current;
    update(key, (s) => savingRating(s, rating));
    send({ type: "rate", interviewName, candidateId: state.candidateId, rating })
      .then((response) => update(key, (s) => afterRating(s, rating, response as RateResponse)))
      .catch(() =>
        update(key, (s) =>
          afterRating(s, rating, { status: "error", kind: "offline", message: "the extension was updated: reload the page" }),
        ),
      );
  }

  function unmount() {
    if (shadow) render(null, shadow);
    host?.remove();
    host = null;
    shadow = null;
    currentKey = null;
    current = null;
  }

  function mountAfter(anchor: Element) {
    if (!host) {
      host = document.createElement(widgetHostTag);
      shadow = host.attachShadow({ mode: "open" });
      // Only a person's clicks rate: a page script's synthetic click never reaches our buttons.
      shadow.addEventListener("click", ignoreUntrusted, true);
      const style = document.createElement("style");
      style.textContent = widgetStyles;
      shadow.append(style);
    }
    host.dataset.theme = isDarkText(anchor) ? "light" : "dark";
    if (anchor.nextElementSibling !== host) anchor.after(host);
  }

  function refresh() {
    if (signal.aborted) return;
    try {
      const reading = readPage(document);
      if (reading.kind !== "one-on-one") {
        if (host) unmount();
        return;
      }
      const key = candidateKey(reading);
      current = reading;
      if (key !== currentKey) {
        currentKey = key;
        if (!states.has(key)) lookUp(key, reading);
        mountAfter(reading.anchor);
        paint();
      } else if (reading.anchor.nextElementSibling !== host) {
        mountAfter(reading.anchor);
      }
    } catch {
      // The host page must never see our errors; the next mutation tries again.
    }
  }

  const observer = new MutationObserver(refresh);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener("abort", () => {
    observer.disconnect();
    unmount();
  });
  refresh();
  return { refresh };
}
