// Pieces shared by the one-on-one and group interview rooms: header, candidate card, video stage,
// call controls and chat. Each render function returns NEW nodes; callers swap them in, the way a
// React app replaces subtrees when keys change.

import { appHref, detailsFor, fullName, slotFor } from "./data.js";
import { clockTime, cx, formatDuration, h, s, swap } from "./dom.js";
import { icon } from "./icons.js";
import { css } from "./styles.js";
import { avatar, badge } from "./ui.js";

// ---------------------------------------------------------------------------------------------
// Header

/**
 * @param {{ interviewName: string, event: { name: string, when: string }, job: string|null,
 *   format: "one-on-one"|"group", timer: HTMLElement, position?: HTMLElement|null,
 *   actions: HTMLElement }} props
 */
export function roomHeader(props) {
  return h(
    "header",
    { class: css.RoomHeader.header },
    h(
      "div",
      { class: css.RoomHeader.main },
      h(
        "nav",
        { class: css.RoomHeader.crumbs, "aria-label": "Breadcrumb" },
        h("a", { href: appHref("/events"), class: css.RoomHeader.crumb }, "Events"),
        icon("chevronRight", { size: 14, class: css.RoomHeader.crumbSep }),
        h("a", { href: appHref("/events"), class: css.RoomHeader.crumb }, props.event.name),
        icon("chevronRight", { size: 14, class: css.RoomHeader.crumbSep }),
        h("span", { class: css.RoomHeader.crumbCurrent }, "Interview room"),
      ),
      h(
        "div",
        { class: css.RoomHeader.titleRow },
        h("h1", { class: css.RoomHeader.title, "data-testid": "interview-title" }, props.interviewName),
        badge(props.format === "group" ? "Group interview" : "One-on-one", props.format === "group" ? "warning" : "brand"),
        badge("Live", "success", { dot: true }),
      ),
      h(
        "div",
        { class: css.RoomHeader.meta },
        props.job
          ? h(
              "span",
              { class: css.RoomHeader.metaItem, "data-testid": "interview-job" },
              icon("briefcase", { size: 14 }),
              props.job,
            )
          : null,
        h("span", { class: css.RoomHeader.metaItem }, icon("calendar", { size: 14 }), props.event.when),
        props.position ?? null,
      ),
    ),
    h(
      "div",
      { class: css.RoomHeader.side },
      h(
        "div",
        { class: css.RoomHeader.timerBox, title: "Time in this interview" },
        h("span", { class: css.RoomHeader.recDot, "aria-hidden": "true" }),
        props.timer,
      ),
      props.actions,
    ),
  );
}

/** The running mm:ss timer; call `.update(startedAt)` every second. */
export function timerNode() {
  const node = h("span", { class: css.RoomHeader.timer, "data-testid": "interview-timer", role: "timer" }, "00:00");
  return {
    node,
    update(startedAt) {
      const text = formatDuration(Date.now() - startedAt);
      if (node.textContent !== text) node.textContent = text;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Candidate card

export function candidateNameNode(person) {
  return h("h2", { class: css.CandidateCard.name, "data-testid": "candidate-name" }, fullName(person));
}

function detailRow(term, value) {
  return h(
    "div",
    { class: css.CandidateCard.row },
    h("dt", { class: css.CandidateCard.term }, term),
    h("dd", { class: css.CandidateCard.value }, value),
  );
}

/**
 * The candidate card. Its `candidate-name` h2 is returned too, so that the periodic re-render can
 * replace it.
 * @param {{ key: string, firstName: string, lastName: string, email: string|null }} person
 * @param {number} index position in the queue (for the registration slot)
 * @param {{ compact?: boolean, status?: string }} [options]
 */
export function candidateCard(person, index, options = {}) {
  const details = detailsFor(person);
  const name = candidateNameNode(person);
  const answers = h(
    "ul",
    { class: css.CandidateCard.answers },
    details.answers.map((item) =>
      h(
        "li",
        { class: css.CandidateCard.answer },
        h("span", { class: css.CandidateCard.question }, item.question),
        h("span", { class: css.CandidateCard.reply }, item.answer),
      ),
    ),
  );
  const prescreen = options.compact
    ? h(
        "details",
        { class: css.CandidateCard.section, "data-testid": "prescreening" },
        h("summary", { class: css.CandidateCard.sectionTitle }, `Pre-screening answers (${details.answers.length})`),
        answers,
      )
    : h(
        "div",
        { class: css.CandidateCard.section, "data-testid": "prescreening" },
        h("h3", { class: css.CandidateCard.sectionTitle }, "Pre-screening answers"),
        answers,
      );

  const card = h(
    "section",
    {
      class: cx(css.CandidateCard.card, options.compact && css.CandidateCard.compact),
      "data-testid": "candidate-card",
      "aria-label": "Candidate",
    },
    h(
      "div",
      { class: css.CandidateCard.header },
      avatar(person.firstName, person.lastName, details.hue, options.compact ? "md" : "lg"),
      h(
        "div",
        { class: css.CandidateCard.identity },
        name,
        h(
          "p",
          { class: css.CandidateCard.subtitle },
          h("span", { class: css.CandidateCard.fact }, icon("mapPin", { size: 13 }), details.city),
          h("span", { class: css.CandidateCard.fact }, icon("clock", { size: 13 }), `${slotFor(index)} slot`),
        ),
      ),
      h(
        "div",
        { class: css.CandidateCard.status },
        badge(options.status ?? "In call", options.status === "Waiting" ? "neutral" : "success", {
          dot: (options.status ?? "In call") === "In call",
        }),
      ),
    ),
    h(
      "dl",
      { class: css.CandidateCard.details, "data-testid": "candidate-details" },
      detailRow("First name", person.firstName),
      detailRow("Last name", person.lastName),
      person.email === null
        ? null
        : detailRow("Email", h("a", { href: `mailto:${person.email}`, class: css.CandidateCard.link }, person.email)),
      detailRow("Phone", details.phone),
    ),
    prescreen,
    options.compact
      ? null
      : h(
          "div",
          { class: css.CandidateCard.files },
          h(
            "a",
            { href: "#", class: css.CandidateCard.file, onClick: (event) => event.preventDefault() },
            icon("file", { size: 16 }),
            h("span", null, details.resume),
            h("span", { class: css.CandidateCard.fileMeta }, "PDF · 84 KB"),
          ),
        ),
  );
  return { card, name };
}

// ---------------------------------------------------------------------------------------------
// Video stage

function silhouette() {
  return s(
    "svg",
    { class: css.VideoStage.silhouette, viewBox: "0 0 200 150", preserveAspectRatio: "xMidYMax meet", "aria-hidden": "true" },
    s("circle", { cx: 100, cy: 64, r: 27 }),
    s("path", { d: "M38 150c4-36 28-53 62-53s58 17 62 53z" }),
  );
}

/** Audio level meter; a fresh node per call (re-rendered every ~100 ms). */
export function audioMeter(level, muted) {
  if (muted) {
    return h(
      "span",
      { class: cx(css.AudioLevel.meter, css.AudioLevel.muted), "data-testid": "audio-level", title: "Muted" },
      icon("micOff", { size: 13 }),
    );
  }
  const bars = [0.55, 1, 0.7].map((weight, i) => {
    const jitter = 0.75 + Math.random() * 0.5;
    const value = Math.min(1, Math.max(0.12, level * weight * jitter + (i === 1 ? 0.05 : 0)));
    return h("span", { class: css.AudioLevel.bar, style: { "--level": value.toFixed(2) } });
  });
  return h("span", { class: css.AudioLevel.meter, "data-testid": "audio-level", "aria-hidden": "true" }, bars);
}

/** Connection indicator; a fresh node per call. */
export function networkIndicator(strength, latencyMs) {
  const quality = strength >= 4 ? "Excellent" : strength === 3 ? "Good" : "Fair";
  return h(
    "span",
    {
      class: css.Network.indicator,
      "data-testid": "network-indicator",
      "data-strength": String(strength),
      title: `Connection: ${quality} (${latencyMs} ms)`,
    },
    [1, 2, 3, 4].map((i) => h("span", { class: cx(css.Network.bar, i <= strength && css.Network.barOn) })),
    h("span", { class: css.Network.label }, `${latencyMs} ms`),
  );
}

/**
 * A participant tile. Returns the node plus a `tick(level)` that swaps its meter and network nodes.
 * @param {{ person: { firstName: string, lastName: string }, hue: number, label: string,
 *   role: "candidate"|"interviewer", variant: "main"|"self"|"gridTile", cameraOff?: boolean,
 *   muted?: () => boolean }} props
 */
export function videoTile(props) {
  let meter = audioMeter(0, props.muted?.() ?? false);
  let network = networkIndicator(4, 38);
  const tile = h(
    "div",
    {
      class: cx(css.VideoStage.tile, css.VideoStage[props.variant]),
      "data-testid": "video-tile",
      "data-participant": props.role,
      style: { "--tile-hue": String(props.hue) },
    },
    h("div", { class: css.VideoStage.backdrop, "aria-hidden": "true" }),
    props.cameraOff
      ? h("div", { class: css.VideoStage.cameraOff }, avatar(props.person.firstName, props.person.lastName, props.hue, "xl"))
      : silhouette(),
    h("div", { class: css.VideoStage.topRight }, network),
    h("div", { class: css.VideoStage.label }, meter, h("span", { class: css.VideoStage.name }, props.label)),
  );
  let latency = 30 + Math.floor(Math.random() * 20);
  return {
    node: tile,
    tick(level) {
      const muted = props.muted?.() ?? false;
      meter = swap(meter, audioMeter(level, muted));
      latency = Math.max(18, Math.min(140, latency + Math.round((Math.random() - 0.5) * 6)));
      const strength = latency > 110 ? 2 : latency > 70 ? 3 : 4;
      network = swap(network, networkIndicator(strength, latency));
      tile.classList.toggle(css.VideoStage.speaking, !muted && level > 0.35);
    },
  };
}

/** The "nobody in the call" main tile. */
export function waitingTile(queued) {
  return h(
    "div",
    {
      class: cx(css.VideoStage.tile, css.VideoStage.main, css.VideoStage.empty),
      "data-testid": "video-tile",
      "data-participant": "none",
    },
    h("div", { class: css.VideoStage.backdrop, "aria-hidden": "true" }),
    h(
      "div",
      { class: css.VideoStage.emptyContent },
      h("span", { class: css.VideoStage.pulse, "aria-hidden": "true" }, icon("users", { size: 28 })),
      h("p", { class: css.VideoStage.emptyTitle }, "No one is in the call"),
      h(
        "p",
        { class: css.VideoStage.emptyText },
        queued > 0
          ? `${queued} ${queued === 1 ? "candidate is" : "candidates are"} in the waiting room.`
          : "The waiting room is empty.",
      ),
    ),
  );
}

/**
 * Simulated conversation: one speaker at a time, switching every few seconds.
 * `level(role)` gives the current level (0..1) of a participant.
 */
export function conversation(roles) {
  let speaker = roles[0];
  let switchAt = Date.now() + 2500;
  return {
    level(role) {
      const now = Date.now();
      if (now > switchAt) {
        speaker = roles[Math.floor(Math.random() * roles.length)];
        switchAt = now + 1500 + Math.random() * 4000;
      }
      if (role === speaker) return Math.random() < 0.15 ? 0.2 : 0.45 + Math.random() * 0.55;
      return Math.random() * 0.12;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Call controls

/**
 * @param {{ muted: boolean, cameraOff: boolean, onMute: () => void, onCamera: () => void,
 *   onEnd: () => void, endLabel: string, endDisabled?: boolean }} props
 */
export function callControls(props) {
  const control = (name, label, active, onClick, testid, off) =>
    h(
      "button",
      {
        type: "button",
        class: cx(css.CallControls.control, off && css.CallControls.controlOff),
        "aria-label": label,
        "aria-pressed": active === null ? null : String(active),
        title: label,
        "data-testid": testid,
        onClick,
      },
      icon(name, { size: 20 }),
    );
  return h(
    "div",
    { class: css.CallControls.bar, role: "toolbar", "aria-label": "Call controls" },
    h(
      "div",
      { class: css.CallControls.group },
      control(
        props.muted ? "micOff" : "mic",
        props.muted ? "Unmute" : "Mute",
        props.muted,
        props.onMute,
        "toggle-mute",
        props.muted,
      ),
      control(
        props.cameraOff ? "videoOff" : "video",
        props.cameraOff ? "Turn camera on" : "Turn camera off",
        props.cameraOff,
        props.onCamera,
        "toggle-camera",
        props.cameraOff,
      ),
      control("screen", "Share screen", null, () => {}, "share-screen", false),
      control("captions", "Captions", null, () => {}, "captions", false),
      control("more", "More options", null, () => {}, "more-options", false),
    ),
    h(
      "button",
      {
        type: "button",
        class: css.CallControls.end,
        "data-testid": "end-call",
        disabled: props.endDisabled ?? false,
        onClick: props.onEnd,
      },
      icon("phoneOff", { size: 18 }),
      h("span", null, props.endLabel),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Chat

const MAX_MESSAGES = 50;

/**
 * The chat panel. `add()` appends a message (oldest dropped beyond 50).
 * @param {{ selfName: string }} props
 */
export function chatPanel(props) {
  const list = h("ol", { class: css.Chat.list, "aria-live": "polite" });
  const count = h("span", { class: css.Chat.count }, "0");
  const input = h("input", {
    class: css.Chat.input,
    type: "text",
    placeholder: "Message everyone…",
    "aria-label": "Chat message",
    "data-testid": "chat-input",
  });
  let total = 0;

  function add(message) {
    const kind = message.kind ?? "candidate";
    const time = clockTime();
    const item =
      kind === "system"
        ? h(
            "li",
            { class: cx(css.Chat.message, css.Chat.system), "data-testid": "chat-message" },
            icon("sparkles", { size: 13 }),
            h("span", null, message.text),
            h("time", { class: css.Chat.time }, time),
          )
        : h(
            "li",
            { class: cx(css.Chat.message, kind === "self" && css.Chat.self), "data-testid": "chat-message" },
            h(
              "div",
              { class: css.Chat.meta },
              h("span", { class: css.Chat.author }, kind === "self" ? `${props.selfName} (you)` : message.author),
              h("time", { class: css.Chat.time }, time),
            ),
            h("div", { class: css.Chat.bubble }, message.text),
          );
    const stick = !list.isConnected || list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.append(item);
    while (list.childElementCount > MAX_MESSAGES) list.firstElementChild?.remove();
    total += 1;
    count.textContent = String(total);
    if (stick) {
      list.scrollTop = list.scrollHeight;
      // Not laid out yet (first render): scroll once it is in the document.
      if (!list.isConnected) requestAnimationFrame(() => (list.scrollTop = list.scrollHeight));
    }
  }

  const node = h(
    "section",
    { class: css.Chat.panel, "data-testid": "chat", "aria-label": "Chat" },
    h(
      "header",
      { class: css.Chat.header },
      icon("message", { size: 16 }),
      h("h3", { class: css.Chat.title }, "Chat"),
      count,
      h("span", { class: css.Chat.hint }, "Visible to everyone in the call"),
    ),
    list,
    h(
      "form",
      {
        class: css.Chat.composer,
        onSubmit: (event) => {
          event.preventDefault();
          const text = input.value.trim();
          if (!text) return;
          add({ kind: "self", text });
          input.value = "";
        },
      },
      input,
      h("button", { type: "submit", class: css.Chat.send, "aria-label": "Send" }, icon("send", { size: 16 })),
    ),
  );
  return { node, add };
}

const CANDIDATE_LINES = [
  "Can you hear me okay?",
  "Sorry, my connection dropped for a second.",
  "I could start within two weeks.",
  "Yes, I handled phone and chat support at my last job.",
  "Is this role remote or on-site?",
  "I'm comfortable working weekends too.",
  "Thank you, that makes sense.",
  "I usually try to calm the customer down first and repeat back what I heard.",
  "What does training look like for new hires?",
];
const SELF_LINES = [
  "You're coming through clearly.",
  "Great — tell me about a time you helped an upset customer.",
  "Thanks! Just taking a few notes.",
  "We'll follow up by email after the event.",
  "How did you hear about this role?",
];
const SYSTEM_LINES = [
  "Reminder: 3 minutes left in this interview.",
  "Scorecard draft saved.",
  "A candidate joined the waiting room.",
  "Recording is off for this interview.",
];

/** Picks the n-th fake chat message for a participant context. */
export function fakeMessage(n, person, selfName) {
  if (person === null) return { kind: "system", text: SYSTEM_LINES[n % SYSTEM_LINES.length] };
  const slot = n % 7;
  if (slot === 3) return { kind: "system", text: SYSTEM_LINES[Math.floor(n / 7) % SYSTEM_LINES.length] };
  if (slot % 2 === 0)
    return { kind: "candidate", author: person.firstName || fullName(person), text: CANDIDATE_LINES[n % CANDIDATE_LINES.length] };
  return { kind: "self", author: selfName, text: SELF_LINES[n % SELF_LINES.length] };
}

/** A titled side panel. */
export function panel(title, props, ...children) {
  return h(
    "section",
    { class: cx(css.Panel.panel, props?.class), "data-testid": props?.testid ?? null, "aria-label": title },
    h(
      "header",
      { class: css.Panel.header },
      h("h3", { class: css.Panel.title }, title),
      props?.count === undefined ? null : h("span", { class: css.Panel.count }, String(props.count)),
      props?.aside ?? null,
    ),
    ...children,
  );
}
