/**
 * A storm of DOM mutations across the fixture room (video stage, chat, timer, queue, scorecard),
 * never touching the candidate card. Runs in the page's main world (passed to `page.evaluate`:
 * self-contained). `installStormInPage()` defines `window.__benchStorm`; its observer counts the
 * mutation records the page really produced.
 */

export interface StormReport {
  /** Storm operations done. */
  operations: number;
  /** MutationRecords observed (childList, attributes, characterData) while the storm ran. */
  records: number;
  /** Tasks (timer callbacks) that mutated. */
  tasks: number;
  ms: number;
}

export interface StormControl {
  start(operationsPerSecond: number): void;
  stop(): StormReport;
}

export function installStormInPage(): void {
  const target = window as unknown as { __benchStorm?: StormControl };
  if (target.__benchStorm) return;
  const query = (selector: string): Element[] => Array.from(document.querySelectorAll(selector));
  const room = document.querySelector('[data-testid="interview-room"]');
  if (room === null) throw new Error("not a room page");

  let records = 0;
  let counting = false;
  new MutationObserver((list) => {
    if (counting) records += list.length;
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });

  let flip = 0;
  // Visible changes (stage, timer, queue position) make the page lay out and paint every frame; the
  // attribute changes are cheap. The chat (a long list: a big layout) gets one operation in 40.
  const others: (() => void)[] = [
    // Video stage: replace the audio meters and network indicators with new nodes.
    () => {
      const node = document.querySelector('[data-testid="video-stage"] [data-testid="audio-level"]');
      node?.replaceWith(node.cloneNode(true));
    },
    // Attributes on the video tiles.
    () => {
      for (const tile of query('[data-testid="video-tile"]')) tile.setAttribute("data-level", String(flip++ % 7));
    },
    () => {
      const node = document.querySelector('[data-testid="video-stage"] [data-testid="network-indicator"]');
      node?.replaceWith(node.cloneNode(true));
    },
    // Timer: text change (characterData) and an attribute.
    () => {
      const timer = document.querySelector('[data-testid="interview-timer"]');
      const text = timer?.firstChild;
      if (text instanceof Text) text.data = `${String(flip % 60).padStart(2, "0")}:${String(flip++ % 60).padStart(2, "0")}`;
      timer?.setAttribute("aria-label", `Elapsed ${flip}`);
    },
    // Queue and scorecard: attributes and a text node.
    () => {
      const items = query('[data-testid="queue-item"]');
      items[flip++ % Math.max(1, items.length)]?.classList.toggle("bench-highlight");
    },
    () => {
      const radios = query('[data-testid="scorecard"] [role="radio"]');
      const radio = radios[flip++ % Math.max(1, radios.length)];
      radio?.setAttribute("aria-checked", radio.getAttribute("aria-checked") === "true" ? "false" : "true");
    },
    () => {
      const text = document.querySelector('[data-testid="queue-position"]')?.lastChild;
      if (text instanceof Text) text.data = text.data.endsWith(" ") ? text.data.trimEnd() : `${text.data} `;
    },
  ];
  // Chat: a new message at the end, the oldest dropped beyond 50.
  const chat = () => {
    const list = document.querySelector('[data-testid="chat"] ol');
    const last = list?.lastElementChild;
    if (!list || !last) return;
    list.append(last.cloneNode(true));
    if (list.childElementCount > 50) list.firstElementChild?.remove();
  };
  const schedule = Array.from({ length: 40 }, (_, i) => (i === 39 ? chat : (others[i % others.length] ?? chat)));

  let timers: number[] = [];
  let started = 0;
  let done = 0;
  let tasks = 0;
  let recordsAtStart = 0;

  target.__benchStorm = {
    start(operationsPerSecond) {
      if (timers.length > 0) throw new Error("storm already running");
      started = performance.now();
      done = 0;
      tasks = 0;
      counting = true;
      recordsAtStart = records;
      const tick = () => {
        const due = Math.floor(((performance.now() - started) / 1000) * operationsPerSecond) - done;
        const count = Math.min(due, 40);
        if (count <= 0) return;
        tasks += 1;
        for (let i = 0; i < count; i++) {
          const operation = schedule[(done + i) % schedule.length];
          operation?.();
        }
        done += count;
      };
      // Several staggered 1 ms interval timers: many small tasks, like a busy app (timers clamp to ~4 ms).
      for (let i = 0; i < 4; i++) timers.push(window.setInterval(tick, 1));
    },
    stop() {
      for (const id of timers) clearInterval(id);
      timers = [];
      const ms = performance.now() - started;
      counting = false;
      return { operations: done, records: records - recordsAtStart, tasks, ms };
    },
  };
}

export function startStormInPage(operationsPerSecond: number): void {
  const storm = (window as unknown as { __benchStorm?: StormControl }).__benchStorm;
  if (!storm) throw new Error("storm not installed");
  storm.start(operationsPerSecond);
}

export function stopStormInPage(): StormReport {
  const storm = (window as unknown as { __benchStorm?: StormControl }).__benchStorm;
  if (!storm) throw new Error("storm not installed");
  return storm.stop();
}
