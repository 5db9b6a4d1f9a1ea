/**
 * Insertion trials, run inside the fixture room page's main world (passed to `page.evaluate`, so
 * this function must stay self-contained: no imports, no outer variables).
 *
 * Each trial takes t0 = performance.now() right before the page inserts a candidate-name node and
 * waits until our widget sits right after that NEW node with its shadow root holding the link and the
 * Yes / Maybe / No buttons. The page checks on every mutation (a MutationObserver created after the
 * content script's, so it runs after it in the same microtask checkpoint, and also on our shadow
 * roots once they exist), on every animation frame and on a timer poll, until `timeoutMs`.
 */

export type TrialKind =
  /** The name node is removed in one task and a new one inserted in a later task. */
  | "separate-task"
  /** The host replaces the name node with a new one in the same task (`replaceWith`, like `__hellohire.replaceName()`). */
  | "same-task"
  /** The host replaces the name's parent (name + our widget) with new nodes in the same task. */
  | "same-task-parent"
  /**
   * Another candidate: the host replaces the whole candidate card with another candidate's card in
   * one task (cards rendered by the fixture beforehand); the next such trial puts the fixture's own
   * card back (also a candidate change).
   */
  | "candidate-change"
  /**
   * Another candidate through the fixture's `__hellohire.show(key)`; t0 right before its card is
   * inserted. The fixture keeps working in that task after the insertion (chat, history, queue), so
   * this also measures the fixture: reported apart, with the fixture's own share.
   */
  | "fixture-show";

export interface TrialOptions {
  trials: number;
  /** Trials run first and not reported. */
  warmup: number;
  pattern: TrialKind[];
  /** Candidate keys for `show(key)`. */
  keys: string[];
  timeoutMs: number;
  /** Pause after each trial (lets lookups and re-renders land). */
  settleMs: number;
  /** Pause between the removal and the insertion of a separate-task trial. */
  gapMs: number;
  /** The candidate's name element (default: the fixture room's `[data-testid="candidate-name"]`). */
  nameSelector?: string;
}

export interface TrialResult {
  kind: TrialKind;
  /** null: not rendered within timeoutMs. */
  ms: number | null;
  /** What saw the widget first. */
  by: "mutation" | "frame" | "poll" | "timeout";
  /** How many checks failed before it was seen (0 = seen at the first mutation check). */
  failedChecks: number;
  /** From t0 until the page's inserting code returned (the host's own work in that task), ms. */
  hostMs: number;
}

export interface TrialRun {
  results: TrialResult[];
  /** performance.now() resolution seen in the page (smallest non-zero step), ms. */
  clockStepMs: number;
  errors: string[];
}

export async function runInjectTrialsInPage(options: TrialOptions): Promise<TrialRun> {
  const widgetTag = "srh-interview-widget";
  const nameSelector = options.nameSelector ?? '[data-testid="candidate-name"]';
  const labels = ["Yes", "Maybe", "No"];
  interface Hook {
    show(key: string): unknown;
    state(): { candidateKey: string | null };
  }
  // The fixture room's test hook; absent on other pages (then only name re-renders are tried: no candidate changes).
  const hook = (window as unknown as { __hellohire?: Hook }).__hellohire;
  const errors: string[] = [];

  function widgetAfter(name: Element): Element | null {
    const next = name.nextElementSibling;
    return next !== null && next.localName === widgetTag ? next : null;
  }

  function rendered(name: Element): boolean {
    if (!name.isConnected) return false;
    const root = widgetAfter(name)?.shadowRoot;
    if (!root) return false;
    const link = Array.from(root.querySelectorAll("a, [aria-disabled]")).some((element) =>
      (element.textContent ?? "").includes("View in SmartRecruiters"),
    );
    if (!link) return false;
    const buttons = Array.from(root.querySelectorAll("button"), (button) => (button.textContent ?? "").trim());
    return labels.every((label) => buttons.includes(label));
  }

  interface Pending {
    kind: TrialKind;
    name: Element | null;
    t0: number;
    /** When the inserting code returned. */
    tReturn: number;
    failedChecks: number;
    finish(result: TrialResult): void;
  }
  let pending: Pending | null = null;
  const observedRoots = new WeakSet<ShadowRoot>();
  const observerOptions: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true };

  function check(by: "mutation" | "frame" | "poll"): void {
    const trial = pending;
    if (trial === null || trial.name === null || Number.isNaN(trial.t0)) return;
    if (rendered(trial.name)) {
      const t1 = performance.now();
      pending = null;
      trial.finish({
        kind: trial.kind,
        ms: t1 - trial.t0,
        by,
        failedChecks: trial.failedChecks,
        hostMs: trial.tReturn - trial.t0,
      });
      return;
    }
    trial.failedChecks += 1;
    // Our widget may render into its shadow root later: watch it too.
    const root = trial.name.isConnected ? widgetAfter(trial.name)?.shadowRoot : undefined;
    if (root && !observedRoots.has(root)) {
      observedRoots.add(root);
      observer.observe(root, observerOptions);
    }
  }

  const observer = new MutationObserver(() => check("mutation"));
  observer.observe(document.documentElement, observerOptions);

  function frameLoop(trial: Pending): void {
    requestAnimationFrame(() => {
      if (pending !== trial) return;
      check("frame");
      frameLoop(trial);
    });
  }
  function pollLoop(trial: Pending): void {
    setTimeout(() => {
      if (pending !== trial) return;
      check("poll");
      pollLoop(trial);
    }, 1);
  }

  /** Arms a trial; `insert` runs in a fresh task and must set t0 and the new name node. */
  function trial(kind: TrialKind, insert: (armed: Pending) => void): Promise<TrialResult> {
    return new Promise<TrialResult>((resolve) => {
      setTimeout(() => {
        let settled = false;
        const armed: Pending = {
          kind,
          name: null,
          t0: Number.NaN,
          tReturn: Number.NaN,
          failedChecks: 0,
          finish(result) {
            if (settled) return;
            settled = true;
            clearTimeout(timeout);
            resolve(result);
          },
        };
        const timeout = setTimeout(() => {
          if (pending === armed) pending = null;
          armed.finish({ kind, ms: null, by: "timeout", failedChecks: armed.failedChecks, hostMs: Number.NaN });
        }, options.timeoutMs);
        pending = armed;
        frameLoop(armed);
        pollLoop(armed);
        try {
          insert(armed);
          armed.tReturn = performance.now();
        } catch (error) {
          errors.push(`${kind}: ${String(error)}`);
          pending = null;
          armed.finish({ kind, ms: null, by: "timeout", failedChecks: 0, hostMs: Number.NaN });
        }
        if (armed.name === null || Number.isNaN(armed.t0)) {
          if (!settled) errors.push(`${kind}: no insertion seen`);
          pending = null;
          armed.finish({ kind, ms: null, by: "timeout", failedChecks: 0, hostMs: Number.NaN });
        }
      }, 0);
    });
  }

  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const currentName = (): Element => {
    const name = document.querySelector(nameSelector);
    if (name === null) throw new Error("no candidate name on the page");
    return name;
  };

  // Candidate changes: t0 right before the host inserts the new card (the main world's
  // Element.prototype only; the content script's isolated world has its own prototypes).
  const originalReplaceWith = Element.prototype.replaceWith;
  let cardArm: Pending | null = null;
  Element.prototype.replaceWith = function replaceWith(this: Element, ...nodes: (Node | string)[]) {
    const arm = cardArm;
    if (arm !== null) {
      const name = nodes.find((node): node is Element => node instanceof Element && node.querySelector(nameSelector) !== null);
      if (name !== undefined) {
        cardArm = null;
        arm.name = name.querySelector(nameSelector);
        arm.t0 = performance.now();
      }
    }
    return originalReplaceWith.apply(this, nodes);
  };

  let keyIndex = 0;
  const nextKey = (): string => {
    const current = hook?.state().candidateKey ?? null;
    let key = options.keys[keyIndex++ % options.keys.length] ?? "";
    if (key === current) key = options.keys[keyIndex++ % options.keys.length] ?? "";
    return key;
  };
  const currentCard = (): Element => {
    const card = currentName().closest('[data-testid="candidate-card"]');
    if (card === null) throw new Error("no candidate card");
    return card;
  };
  const withoutWidget = (element: Element): Element => {
    const copy = element.cloneNode(true) as Element;
    for (const widget of Array.from(copy.querySelectorAll(widgetTag))) widget.remove();
    return copy;
  };
  // Other candidates' cards, rendered by the fixture itself (first visits: their lookups happen here).
  const cards = new Map<string, Element>();
  if (hook) {
    const startKey = hook.state().candidateKey;
    for (const key of options.keys) {
      hook.show(key);
      await wait(40);
      cards.set(key, withoutWidget(currentCard()));
    }
    if (startKey !== null) hook.show(startKey);
    await wait(40);
  }
  /** The fixture's own card while another candidate's card stands in for it. */
  let displaced: { real: Element; standIn: Element } | null = null;
  async function runOne(kind: TrialKind): Promise<TrialResult> {
    switch (kind) {
      case "separate-task": {
        const old = currentName();
        const parent = old.parentElement;
        const previous = old.previousElementSibling;
        if (parent === null) throw new Error("name without parent");
        const fresh = old.cloneNode(true) as Element;
        old.remove();
        await wait(options.gapMs);
        return trial(kind, (armed) => {
          armed.name = fresh;
          armed.t0 = performance.now();
          if (previous?.parentElement === parent) previous.after(fresh);
          else parent.prepend(fresh);
        });
      }
      case "same-task":
        return trial(kind, (armed) => {
          const old = currentName();
          const fresh = old.cloneNode(true) as Element;
          armed.name = fresh;
          armed.t0 = performance.now();
          old.replaceWith(fresh);
        });
      case "same-task-parent":
        return trial(kind, (armed) => {
          const parent = currentName().parentElement;
          if (parent === null) throw new Error("name without parent");
          const fresh = parent.cloneNode(true) as Element;
          for (const copy of Array.from(fresh.querySelectorAll(widgetTag))) copy.remove();
          armed.name = fresh.querySelector(nameSelector);
          armed.t0 = performance.now();
          parent.replaceWith(fresh);
        });
      case "candidate-change": {
        const swap = displaced;
        if (swap !== null) {
          displaced = null;
          return trial(kind, (armed) => {
            armed.name = swap.real.querySelector(nameSelector);
            armed.t0 = performance.now();
            swap.standIn.replaceWith(swap.real);
          });
        }
        const real = currentCard();
        const standIn = cards.get(nextKey())?.cloneNode(true) as Element | undefined;
        if (standIn === undefined) throw new Error("no stand-in card");
        displaced = { real, standIn };
        return trial(kind, (armed) => {
          armed.name = standIn.querySelector(nameSelector);
          armed.t0 = performance.now();
          real.replaceWith(standIn);
        });
      }
      case "fixture-show":
        if (displaced !== null) throw new Error("fixture-show while a stand-in card is shown");
        return trial(kind, (armed) => {
          const key = nextKey();
          cardArm = armed;
          try {
            if (!hook) throw new Error("fixture-show needs the fixture room's hook");
            hook.show(key);
          } finally {
            cardArm = null;
          }
        });
    }
  }

  let clockStepMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2000; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    clockStepMs = Math.min(clockStepMs, b - a);
  }

  const results: TrialResult[] = [];
  try {
    for (let i = 0; i < options.warmup + options.trials; i++) {
      const kind = options.pattern[i % options.pattern.length] ?? "same-task";
      let result: TrialResult;
      try {
        result = await runOne(kind);
      } catch (error) {
        errors.push(`${kind}: ${String(error)}`);
        result = { kind, ms: null, by: "timeout", failedChecks: 0, hostMs: Number.NaN };
      }
      if (i >= options.warmup) results.push(result);
      if (result.ms === null && !document.querySelector(nameSelector)) {
        errors.push("the candidate name is gone; stopping");
        break;
      }
      await wait(options.settleMs);
    }
  } finally {
    const swap = displaced as { real: Element; standIn: Element } | null;
    if (swap !== null) swap.standIn.replaceWith(swap.real);
    Element.prototype.replaceWith = originalReplaceWith;
    observer.disconnect();
  }
  return { results, clockStepMs, errors };
}
