// The one-on-one interview room: one candidate in the call, the rest in the "Up next" queue.
// Moving to another candidate replaces the candidate card (and the other candidate-dependent
// subtrees) with new nodes and pushes `?candidate=<key>`; no reload.

import { detailsFor, fullName, normalizePeople, readConfig, slotFor } from "./data.js";
import { cx, h, swap } from "./dom.js";
import { icon } from "./icons.js";
import {
  callControls,
  candidateCard,
  candidateNameNode,
  chatPanel,
  conversation,
  fakeMessage,
  panel,
  roomHeader,
  timerNode,
  videoTile,
  waitingTile,
} from "./room-parts.js";
import { css } from "./styles.js";
import { avatar, button } from "./ui.js";

const COMPETENCIES = ["Communication", "Problem solving", "Customer empathy", "Reliability"];

/**
 * @param {{ session: any, event: any, interview: any, config: ReturnType<typeof readConfig> }} ctx
 */
export function createOneOnOneRoom(ctx) {
  const { session, event, interview, config } = ctx;
  const selfName = session.interviewer.name;
  const [selfFirst = "", selfLast = ""] = selfName.split(" ");
  const interviewName = config.interview ?? interview.name;

  const state = {
    people: config.people ?? normalizePeople(session.queue),
    /** Index of the candidate in the call, or null while waiting. */
    current: /** @type {number|null} */ (null),
    /** While waiting: index of the next candidate to admit. */
    nextIndex: 0,
    startedAt: Date.now(),
    muted: false,
    cameraOff: false,
    /** @type {Map<string, { ratings: Record<string, number>, notes: string, submitted: boolean }>} */
    scorecards: new Map(),
    chatCount: 0,
  };
  positionFromConfig(config);

  const timers = [];
  const talk = conversation(["candidate", "interviewer"]);
  const timer = timerNode();
  const chat = chatPanel({ selfName });

  // Subtrees that get replaced (refs to the nodes currently in the document).
  const refs = {
    actions: h("div"),
    position: h("span"),
    candidate: h("div"),
    nameNode: /** @type {HTMLElement|null} */ (null),
    scorecard: h("div"),
    queue: h("div"),
    progress: h("div"),
    mainTile: h("div"),
    controls: h("div"),
  };
  /** @type {{ node: HTMLElement, tick: (level: number) => void } | null} */
  let candidateTile = null;
  let selfTile = makeSelfTile();

  const stageTiles = h("div", { class: css.VideoStage.tiles }, refs.mainTile, selfTile.node);
  const stage = h(
    "section",
    { class: css.VideoStage.stage, "data-testid": "video-stage", "aria-label": "Video" },
    stageTiles,
    refs.controls,
  );

  const node = h(
    "main",
    { class: css.InterviewRoom.room, "data-testid": "interview-room", "data-format": "one-on-one" },
    roomHeader({
      interviewName,
      event,
      job: config.job ?? interview.job,
      format: "one-on-one",
      timer: timer.node,
      position: refs.position,
      actions: refs.actions,
    }),
    h(
      "div",
      { class: css.InterviewRoom.layout },
      h("div", { class: css.InterviewRoom.stageColumn }, stage, chat.node),
      h("div", { class: css.InterviewRoom.candidateColumn }, refs.candidate, refs.scorecard),
      h("aside", { class: css.InterviewRoom.sidebar, "aria-label": "Queue" }, refs.queue, refs.progress),
    ),
  );

  renderAll();
  seedChat();
  startTimers();

  // -------------------------------------------------------------------------------------------

  function positionFromConfig(cfg) {
    const count = state.people.length;
    const indexOf = (key) => state.people.findIndex((person) => person.key === key);
    if (cfg.state === "waiting" || count === 0) {
      state.current = null;
      const after = cfg.after === null ? -1 : indexOf(cfg.after);
      state.nextIndex = Math.min(count, after + 1);
      return;
    }
    const found = cfg.candidate === null ? -1 : indexOf(cfg.candidate);
    if (cfg.candidate !== null && found < 0) {
      console.warn(`[hellohire fixture] unknown candidate "${cfg.candidate}", showing the first one`);
    }
    state.current = Math.max(0, found);
    state.nextIndex = state.current + 1;
  }

  function currentPerson() {
    return state.current === null ? null : (state.people[state.current] ?? null);
  }

  function upcoming() {
    return state.people.slice(state.current === null ? state.nextIndex : state.current + 1);
  }

  function done() {
    return state.people.slice(0, state.current === null ? state.nextIndex : state.current);
  }

  function renderAll() {
    const person = currentPerson();
    refs.actions = swap(refs.actions, renderActions());
    refs.position = swap(refs.position, renderPosition());
    refs.candidate = swap(refs.candidate, renderCandidate(person));
    refs.scorecard = swap(refs.scorecard, renderScorecard(person));
    refs.queue = swap(refs.queue, renderQueue());
    refs.progress = swap(refs.progress, renderProgress());
    refs.controls = swap(refs.controls, renderControls());
    if (person === null) {
      candidateTile = null;
      refs.mainTile = swap(refs.mainTile, waitingTile(upcoming().length));
    } else {
      const details = detailsFor(person);
      candidateTile = videoTile({
        person,
        hue: details.hue,
        label: fullName(person),
        role: "candidate",
        variant: "main",
      });
      refs.mainTile = swap(refs.mainTile, candidateTile.node);
    }
    document.title = `${person === null ? "Waiting" : fullName(person)} · ${interviewName} · Hellohire`;
  }

  function renderActions() {
    const person = currentPerson();
    const hasNext = upcoming().length > 0;
    if (person === null) {
      return h(
        "div",
        { class: css.RoomHeader.actions },
        button("Admit next", {
          tone: "primary",
          icon: "users",
          testid: "admit-next",
          disabled: !hasNext,
          onClick: () => admit(),
        }),
      );
    }
    return h(
      "div",
      { class: css.RoomHeader.actions },
      button("End interview", { tone: "danger", icon: "phoneOff", testid: "end-interview", onClick: () => end() }),
      button(hasNext ? "Next candidate" : "Finish", {
        tone: "primary",
        icon: "skip",
        testid: "next-candidate",
        onClick: () => next(),
      }),
    );
  }

  function renderPosition() {
    const total = state.people.length;
    const text =
      state.current === null ? `${done().length} of ${total} interviewed` : `Candidate ${state.current + 1} of ${total}`;
    return h("span", { class: css.RoomHeader.metaItem, "data-testid": "queue-position" }, icon("users", { size: 14 }), text);
  }

  function renderCandidate(person) {
    if (person === null) {
      refs.nameNode = null;
      const queued = upcoming().length;
      return h(
        "section",
        { class: css.Waiting.panel, "aria-label": "Candidate" },
        h("span", { class: css.Waiting.spinner, "aria-hidden": "true" }),
        h("div", { class: css.Waiting.title, "data-testid": "waiting-for-candidate" }, "Waiting for candidate…"),
        h(
          "p",
          { class: css.Waiting.text },
          queued > 0
            ? "Admit the next candidate from the waiting room when you are ready."
            : "Everyone in this session has been interviewed. New registrations will appear here.",
        ),
      );
    }
    const { card, name } = candidateCard(person, state.current ?? 0);
    refs.nameNode = name;
    return card;
  }

  function scorecardFor(person) {
    let entry = state.scorecards.get(person.key);
    if (!entry) {
      entry = { ratings: {}, notes: "", submitted: false };
      state.scorecards.set(person.key, entry);
    }
    return entry;
  }

  function renderScorecard(person) {
    if (person === null) {
      return panel(
        "Scorecard",
        { class: css.Scorecard.panel, testid: "scorecard" },
        h("p", { class: css.Scorecard.empty }, "The scorecard opens when a candidate joins the call."),
      );
    }
    const entry = scorecardFor(person);
    const saved = h("span", { class: css.Scorecard.saved }, entry.submitted ? "Submitted" : "Draft · autosaved");
    const rows = COMPETENCIES.map((competency) => {
      const buttons = [1, 2, 3, 4, 5].map((value) =>
        h(
          "button",
          {
            type: "button",
            role: "radio",
            class: cx(css.Scorecard.scaleButton, entry.ratings[competency] === value && css.Scorecard.scaleButtonActive),
            "aria-checked": String(entry.ratings[competency] === value),
            "aria-label": `${competency}: ${value} of 5`,
            onClick: (click) => {
              entry.ratings[competency] = value;
              const group = /** @type {HTMLElement} */ (click.currentTarget).parentElement;
              group?.querySelectorAll("button").forEach((other, i) => {
                other.classList.toggle(css.Scorecard.scaleButtonActive, i + 1 === value);
                other.setAttribute("aria-checked", String(i + 1 === value));
              });
            },
          },
          String(value),
        ),
      );
      return h(
        "div",
        { class: css.Scorecard.competency },
        h("span", { class: css.Scorecard.competencyLabel }, competency),
        h("div", { class: css.Scorecard.scale, role: "radiogroup", "aria-label": competency }, buttons),
      );
    });
    const notes = h("textarea", {
      class: css.Scorecard.notes,
      rows: 3,
      placeholder: `Private notes about ${person.firstName || "this candidate"}…`,
      "aria-label": "Interview notes",
      "data-testid": "scorecard-notes",
      onInput: (input) => {
        entry.notes = /** @type {HTMLTextAreaElement} */ (input.target).value;
      },
    });
    notes.value = entry.notes;
    return panel(
      "Scorecard",
      { class: css.Scorecard.panel, testid: "scorecard", aside: saved },
      h("div", { class: css.Scorecard.competencies }, rows),
      notes,
      h(
        "div",
        { class: css.Scorecard.footer },
        h("span", { class: css.Scorecard.hint }, "Only your hiring team can see scorecards."),
        button(entry.submitted ? "Submitted" : "Submit scorecard", {
          tone: "secondary",
          icon: "check",
          disabled: entry.submitted,
          onClick: (click) => {
            entry.submitted = true;
            saved.textContent = "Submitted";
            const target = /** @type {HTMLButtonElement} */ (click.currentTarget);
            target.disabled = true;
            const label = target.querySelector("span");
            if (label) label.textContent = "Submitted";
          },
        }),
      ),
    );
  }

  function renderQueue() {
    const next = upcoming();
    const offset = state.people.length - next.length;
    const list = h(
      "ol",
      { class: css.Queue.list, "data-testid": "up-next" },
      next.map((person, i) => {
        const details = detailsFor(person);
        return h(
          "li",
          { class: css.Queue.item, "data-testid": "queue-item" },
          avatar(person.firstName, person.lastName, details.hue, "sm"),
          h(
            "div",
            { class: css.Queue.person },
            h("span", { class: css.Queue.name, "data-testid": "queue-item-name" }, fullName(person)),
            person.email === null ? null : h("span", { class: css.Queue.email, "data-testid": "queue-item-email" }, person.email),
          ),
          h("span", { class: css.Queue.slot }, i === 0 ? "Next" : slotFor(offset + i)),
        );
      }),
    );
    const finished = done();
    return panel(
      "Up next",
      { class: css.Queue.panel, testid: "queue", count: next.length },
      list,
      next.length === 0 ? h("p", { class: css.Queue.empty }, "No one else is waiting.") : null,
      finished.length === 0
        ? null
        : h(
            "div",
            { class: css.Queue.done },
            h("h4", { class: css.Queue.doneTitle }, `Interviewed · ${finished.length}`),
            h(
              "ul",
              { class: css.Queue.doneList, "data-testid": "interviewed" },
              finished.map((person) =>
                h(
                  "li",
                  { class: css.Queue.doneItem },
                  icon("check", { size: 14 }),
                  h("span", { class: css.Queue.doneName }, fullName(person)),
                ),
              ),
            ),
          ),
    );
  }

  function renderProgress() {
    const total = state.people.length;
    const finished = done().length;
    const percent = total === 0 ? 0 : Math.round((finished / total) * 100);
    return panel(
      "Session",
      { class: css.Queue.panel },
      h(
        "div",
        { class: css.Queue.progress },
        h(
          "div",
          { class: css.Queue.progressTrack },
          h("span", { class: css.Queue.progressFill, style: { width: `${percent}%` } }),
        ),
        h("span", { class: css.Queue.progressText }, `${finished} of ${total} interviewed`),
      ),
      h(
        "dl",
        { class: css.Queue.stats },
        h("div", null, h("dt", null, "Session"), h("dd", null, interview.session)),
        h("div", null, h("dt", null, "Interview length"), h("dd", null, `${interview.lengthMinutes} min`)),
        h("div", null, h("dt", null, "Format"), h("dd", null, "Video · one-on-one")),
      ),
    );
  }

  function makeSelfTile() {
    return videoTile({
      person: { firstName: selfFirst, lastName: selfLast },
      hue: 205,
      label: "You",
      role: "interviewer",
      variant: "self",
      cameraOff: state.cameraOff,
      muted: () => state.muted,
    });
  }

  function renderControls() {
    return callControls({
      muted: state.muted,
      cameraOff: state.cameraOff,
      endLabel: "End",
      endDisabled: currentPerson() === null,
      onMute: () => {
        state.muted = !state.muted;
        refs.controls = swap(refs.controls, renderControls());
      },
      onCamera: () => {
        state.cameraOff = !state.cameraOff;
        const fresh = makeSelfTile();
        swap(selfTile.node, fresh.node);
        selfTile = fresh;
        refs.controls = swap(refs.controls, renderControls());
      },
      onEnd: () => end(),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Behaviour

  function seedChat() {
    const person = currentPerson();
    chat.add({ kind: "system", text: `Interview room for ${interviewName} is open.` });
    if (person !== null) {
      chat.add({ kind: "system", text: `${fullName(person)} joined the call.` });
      chat.add({ kind: "self", text: `Hi ${person.firstName}, thanks for joining! Can you hear me okay?` });
      chat.add({ kind: "candidate", author: person.firstName, text: "Yes, loud and clear. Thanks for having me!" });
    }
  }

  function startTimers() {
    timers.push(setInterval(() => timer.update(state.startedAt), 1000));
    if (config.stageMs > 0) {
      timers.push(
        setInterval(() => {
          candidateTile?.tick(talk.level("candidate"));
          selfTile.tick(talk.level("interviewer"));
        }, config.stageMs),
      );
    }
    if (config.chatMs > 0) {
      timers.push(
        setInterval(() => {
          chat.add(fakeMessage(state.chatCount++, currentPerson(), selfName));
        }, config.chatMs),
      );
    }
    if (config.rerenderMs > 0) {
      timers.push(setInterval(() => replaceName(), config.rerenderMs));
    }
  }

  function urlFor() {
    const url = new URL(window.location.href);
    const params = url.searchParams;
    const person = currentPerson();
    if (person !== null) {
      params.set("candidate", person.key);
      params.delete("state");
      params.delete("after");
    } else {
      params.delete("candidate");
      params.set("state", "waiting");
      const last = state.people[state.nextIndex - 1];
      if (last) params.set("after", last.key);
      else params.delete("after");
    }
    return `${url.pathname}${url.search}${url.hash}`;
  }

  /** Re-renders everything that depends on the candidate; `history`: push, replace or none. */
  function changed(history) {
    state.startedAt = Date.now();
    timer.update(state.startedAt);
    renderAll();
    const person = currentPerson();
    chat.add({
      kind: "system",
      text: person === null ? "The call ended. Waiting for the next candidate." : `${fullName(person)} joined the call.`,
    });
    if (history === "push") window.history.pushState(null, "", urlFor());
    if (history === "replace") window.history.replaceState(null, "", urlFor());
    window.dispatchEvent(new CustomEvent("hellohire:candidatechange", { detail: api.state() }));
  }

  function goTo(index, history = "push") {
    state.current = index;
    state.nextIndex = index + 1;
    changed(history);
  }

  function wait(history = "push") {
    state.nextIndex = state.current === null ? state.nextIndex : state.current + 1;
    state.current = null;
    changed(history);
  }

  /** Next candidate: from the call, straight to the next one (or waiting after the last). */
  function next() {
    if (state.current === null) {
      admit();
      return;
    }
    if (state.current + 1 < state.people.length) goTo(state.current + 1);
    else wait();
  }

  /** End the current interview: waiting state, next candidate still in the queue. */
  function end() {
    if (state.current !== null) wait();
  }

  /** Admit the next candidate from the waiting room. */
  function admit() {
    if (state.current === null && state.nextIndex < state.people.length) goTo(state.nextIndex);
  }

  function replaceName() {
    const person = currentPerson();
    const old = refs.nameNode;
    if (person === null || old === null || !old.parentNode) return false;
    refs.nameNode = candidateNameNode(person);
    old.replaceWith(refs.nameNode);
    return true;
  }

  const api = {
    route: "room",
    format: "one-on-one",
    node,
    next() {
      next();
      return api.state();
    },
    end() {
      end();
      return api.state();
    },
    show(key) {
      const index = state.people.findIndex((person) => person.key === key);
      if (index < 0) throw new Error(`__hellohire.show: no candidate with key "${key}"`);
      goTo(index);
      return api.state();
    },
    replaceName,
    setPeople(list) {
      if (!Array.isArray(list)) throw new TypeError("__hellohire.setPeople expects an array");
      state.people = normalizePeople(list);
      state.scorecards.clear();
      if (state.people.length === 0) {
        state.current = null;
        state.nextIndex = 0;
        changed("replace");
      } else {
        goTo(0, "replace");
      }
      return api.state();
    },
    /** Called on popstate when the path is still this room. */
    syncFromUrl() {
      positionFromConfig(readConfig());
      changed("none");
    },
    state() {
      const person = currentPerson();
      return {
        route: "room",
        format: "one-on-one",
        candidateKey: person === null ? null : person.key,
        waiting: person === null,
        interviewName,
        queue: upcoming().map((p) => p.key),
      };
    },
    destroy() {
      for (const id of timers) clearInterval(id);
      timers.length = 0;
    },
  };
  return api;
}
