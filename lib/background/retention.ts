import { purgeActivity } from "../sync/activity-store";
import { pruneCreatedCandidates } from "../sync/created-candidates";
import { pruneWrittenRatings } from "../sync/written-ratings";

/**
 * Deletes what is kept past its time (PRIVACY.md): recent activity after 7 days, the memory of created
 * candidates after 90, the record of written tags after 180. At every background start, and by an
 * alarm set for the moment the next entry runs out (at most a day ahead, for what is written
 * meanwhile), so nothing waits for the next write to go.
 */
export const retentionAlarm = "retention";

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** The parts of `alarms` used here. */
export interface AlarmsApi {
  create(name: string, info: { when: number }): Promise<void> | void;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

/** Purges every store (one failing does not keep the others); the soonest next expiry, or null. */
export async function purgeExpired(now: number): Promise<number | null> {
  const results = await Promise.allSettled([purgeActivity(now), pruneCreatedCandidates(now), pruneWrittenRatings(now)]);
  const next = results.flatMap((result) => (result.status === "fulfilled" && result.value !== null ? [result.value] : []));
  return next.length === 0 ? null : Math.min(...next);
}

/** When to wake: at the next expiry, at most a day ahead, never sooner than a minute (alarms' own floor). */
export function nextWake(nextExpiry: number | null, now: number): number {
  return Math.max(now + minuteMs, Math.min(nextExpiry ?? Number.POSITIVE_INFINITY, now + dayMs));
}

/** Purges now and sets the alarm; each time the alarm rings, purges and sets it again. */
export function startRetention(alarms: AlarmsApi, clock: () => number = Date.now): Promise<void> {
  const purge = async () => {
    const now = clock();
    await alarms.create(retentionAlarm, { when: nextWake(await purgeExpired(now), now) });
  };
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === retentionAlarm) purge().catch(() => undefined);
  });
  return purge();
}
