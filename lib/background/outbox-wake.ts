/**
 * Wakes the background for the outbox's next retry: a timer while this worker (or Firefox's background page) lives,
 * and an alarm that survives it being stopped or the browser restarting.
 */
export const outboxAlarm = "outbox-retry";

/**
 * How soon after it is set Chrome fires an installed extension's alarm at the earliest (30 s since Chrome 120; it logs
 * a warning when asked for sooner). An unpacked one's fires when asked: a 1 s and a 3 s alarm fired 2 ms late in
 * Chromium 156 (test/e2e/worker-restart.e2e.ts relies on it), so no floor for a development install.
 */
export const installedAlarmFloorMs = 30_000;

/** The parts of `alarms` used here. */
export interface OutboxAlarms {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<unknown> | unknown;
}

export interface OutboxWakeDeps {
  alarms: OutboxAlarms;
  /** How the extension was installed (management.getSelf().installType: "development" when unpacked). */
  installType(): Promise<string>;
  now?: () => number;
}

/** Returns the outbox's `scheduleWake`: `at` the time of the next retry, or null when nothing waits. */
export function createOutboxWake(deps: OutboxWakeDeps, flush: () => Promise<void>): (at: number | null) => void {
  const now = deps.now ?? Date.now;
  const floorMs = deps.installType().then(
    (type) => (type === "development" ? 0 : installedAlarmFloorMs),
    () => installedAlarmFloorMs,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  return (at) => {
    clearTimeout(timer);
    const call = ++latest;
    if (at === null) {
      Promise.resolve(deps.alarms.clear(outboxAlarm)).catch(() => undefined);
      return;
    }
    timer = setTimeout(() => flush().catch(() => undefined), Math.max(0, at - now()));
    floorMs
      .then((floor) => {
        // A later call wins: an older one still waiting for the floor sets nothing.
        if (call === latest) return deps.alarms.create(outboxAlarm, { when: Math.max(at, now() + floor) });
      })
      .catch(() => undefined);
  };
}
