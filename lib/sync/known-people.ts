import { storage } from "wxt/utils/storage";
import { oneAtATime } from "../shared/one-at-a-time";
import type { JobChoice } from "./job-for-interview";
import type { Person } from "./match-candidate";

/** Who a matched candidate ID is, and the interview's job title on the page, so a rating can follow them when the ID dies. */
export interface KnownPerson extends Person {
  jobTitle: string | null;
  /** Where this browser created them (the job, or the talent pool and why), when it did. */
  placement?: JobChoice;
}

/**
 * The people this browser matched, by SmartRecruiters candidate ID, kept in session storage only
 * (gone when the browser closes; content scripts cannot read it), at most 200, newest last. When a
 * queued rating's candidate was merged or deleted in SmartRecruiters, this is how it is looked up again.
 */
const knownItem = storage.defineItem<Record<string, KnownPerson>>("session:sync.knownPeople", { fallback: {} });
const maxKnown = 200;
const queue = oneAtATime();

export const knownPeople = {
  async get(candidateId: string): Promise<KnownPerson | null> {
    return (await knownItem.getValue())[candidateId] ?? null;
  },
  remember(candidateId: string, person: KnownPerson): Promise<void> {
    return queue(async () => {
      const all = { ...(await knownItem.getValue()) };
      const placement = person.placement ?? all[candidateId]?.placement;
      delete all[candidateId];
      all[candidateId] = {
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        jobTitle: person.jobTitle,
        ...(placement ? { placement } : {}),
      };
      const ids = Object.keys(all);
      for (const old of ids.slice(0, Math.max(0, ids.length - maxKnown))) delete all[old];
      await knownItem.setValue(all);
    });
  },
  forget(candidateId: string): Promise<void> {
    return queue(async () => {
      const all = { ...(await knownItem.getValue()) };
      delete all[candidateId];
      await knownItem.setValue(all);
    });
  },
};
