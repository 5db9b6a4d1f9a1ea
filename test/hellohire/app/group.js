// The group interview room: several candidates in the call at once, one card each.

import { detailsFor, fullName, normalizePeople } from "./data.js";
import { h, swap } from "./dom.js";
import { icon } from "./icons.js";
import {
  callControls,
  candidateCard,
  candidateNameNode,
  chatPanel,
  conversation,
  fakeMessage,
  roomHeader,
  timerNode,
  videoTile,
} from "./room-parts.js";
import { css } from "./styles.js";
import { button } from "./ui.js";

const GROUP_SIZE = 3;

/**
 * @param {{ session: any, event: any, interview: any, config: any, navigate: (href: string) => void }} ctx
 */
export function createGroupRoom(ctx) {
  const { session, event, interview, config } = ctx;
  const selfName = session.interviewer.name;
  const [selfFirst = "", selfLast = ""] = selfName.split(" ");
  const interviewName = config.interview ?? interview.name;
  const state = {
    people: (config.people ?? normalizePeople(session.queue)).slice(0, GROUP_SIZE),
    startedAt: Date.now(),
    muted: false,
    cameraOff: false,
    chatCount: 0,
  };
  const timers = [];
  const timer = timerNode();
  const chat = chatPanel({ selfName });
  let talk = conversation(["self"]);

  /** @type {Array<{ key: string, tile: ReturnType<typeof videoTile> }>} */
  let tiles = [];
  /** @type {Array<{ person: any, name: HTMLElement }>} */
  let names = [];
  let grid = h("div");
  let cards = h("div");
  let controls = renderControls();

  const positionText = h("span", null, "");
  const position = h(
    "span",
    { class: css.RoomHeader.metaItem, "data-testid": "queue-position" },
    icon("users", { size: 14 }),
    positionText,
  );

  const node = h(
    "main",
    { class: css.InterviewRoom.room, "data-testid": "interview-room", "data-format": "group" },
    roomHeader({
      interviewName,
      event,
      job: config.job ?? interview.job,
      format: "group",
      timer: timer.node,
      position,
      actions: h(
        "div",
        { class: css.RoomHeader.actions },
        button("End session", {
          tone: "danger",
          icon: "phoneOff",
          testid: "end-session",
          onClick: () => ctx.navigate("/events"),
        }),
      ),
    }),
    h(
      "div",
      { class: css.InterviewRoom.groupLayout },
      h(
        "div",
        { class: css.InterviewRoom.stageColumn },
        h("section", { class: css.VideoStage.stage, "data-testid": "video-stage", "aria-label": "Video" }, grid, controls),
        chat.node,
      ),
      h("div", { class: css.InterviewRoom.groupCards }, cards),
    ),
  );

  render();
  chat.add({ kind: "system", text: "Group session started." });
  for (const person of state.people) chat.add({ kind: "system", text: `${fullName(person)} joined the call.` });
  chat.add({ kind: "self", text: "Welcome, everyone! We'll start with quick introductions." });

  timers.push(setInterval(() => timer.update(state.startedAt), 1000));
  if (config.stageMs > 0) {
    timers.push(
      setInterval(() => {
        for (const { key, tile } of tiles) tile.tick(talk.level(key));
      }, config.stageMs),
    );
  }
  if (config.chatMs > 0) {
    timers.push(
      setInterval(() => {
        const person = state.people[state.chatCount % Math.max(1, state.people.length)] ?? null;
        chat.add(fakeMessage(state.chatCount++, person, selfName));
      }, config.chatMs),
    );
  }
  if (config.rerenderMs > 0) timers.push(setInterval(() => replaceName(), config.rerenderMs));

  function render() {
    talk = conversation([...state.people.map((p) => p.key), "self"]);
    tiles = state.people.map((person) => ({
      key: person.key,
      tile: videoTile({
        person,
        hue: detailsFor(person).hue,
        label: fullName(person),
        role: "candidate",
        variant: "gridTile",
      }),
    }));
    tiles.push({ key: "self", tile: makeSelfTile() });
    grid = swap(
      grid,
      h(
        "div",
        { class: css.VideoStage.grid },
        tiles.map((t) => t.tile.node),
      ),
    );

    names = [];
    cards = swap(
      cards,
      h(
        "div",
        { class: css.InterviewRoom.groupCardList },
        state.people.map((person, index) => {
          const { card, name } = candidateCard(person, index, { compact: true });
          names.push({ person, name });
          return card;
        }),
      ),
    );
    positionText.textContent = `${state.people.length} candidates`;
  }

  function makeSelfTile() {
    return videoTile({
      person: { firstName: selfFirst, lastName: selfLast },
      hue: 205,
      label: "You",
      role: "interviewer",
      variant: "gridTile",
      cameraOff: state.cameraOff,
      muted: () => state.muted,
    });
  }

  function renderControls() {
    return callControls({
      muted: state.muted,
      cameraOff: state.cameraOff,
      endLabel: "Leave",
      onMute: () => {
        state.muted = !state.muted;
        controls = swap(controls, renderControls());
      },
      onCamera: () => {
        state.cameraOff = !state.cameraOff;
        const self = tiles.find((t) => t.key === "self");
        if (self) {
          const fresh = makeSelfTile();
          swap(self.tile.node, fresh.node);
          self.tile = fresh;
        }
        controls = swap(controls, renderControls());
      },
      onEnd: () => ctx.navigate("/events"),
    });
  }

  function replaceName() {
    let replaced = false;
    names = names.map(({ person, name }) => {
      if (!name.parentNode) return { person, name };
      const fresh = candidateNameNode(person);
      name.replaceWith(fresh);
      replaced = true;
      return { person, name: fresh };
    });
    return replaced;
  }

  const notOneOnOne = (method) => () => {
    throw new Error(`__hellohire.${method}: not available in a group interview`);
  };

  const api = {
    route: "room",
    format: "group",
    node,
    next: notOneOnOne("next"),
    end: notOneOnOne("end"),
    show: notOneOnOne("show"),
    replaceName,
    setPeople(list) {
      if (!Array.isArray(list)) throw new TypeError("__hellohire.setPeople expects an array");
      state.people = normalizePeople(list).slice(0, GROUP_SIZE);
      render();
      return api.state();
    },
    syncFromUrl() {},
    state() {
      return {
        route: "room",
        format: "group",
        candidateKey: null,
        candidateKeys: state.people.map((p) => p.key),
        waiting: false,
        interviewName,
      };
    },
    destroy() {
      for (const id of timers) clearInterval(id);
      timers.length = 0;
    },
  };
  return api;
}
