import type { SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { accountItem, type ConnectedAccount } from "./credential-store";
import { canReadAccount } from "./scopes";

/** Failures that say the account cannot be read with this credential: asking again will not help. */
const lasting = new Set<SmartRecruitersError["kind"]>(["access-denied", "not-found", "no-api-access", "bad-request"]);

let inFlight: Promise<void> | null = null;

/**
 * Learns who the interviewer's own connection belongs to (one `users/me` call per sign-in, kept in
 * session storage; the side panel shows it). A refusal (SmartRecruiters may want a scope the
 * extension does not ask for) is kept too, so it is not asked again this session; being offline is
 * not, so the next status request tries again. Calls made together share one request. A sign-in
 * not granted `user_me_read` is never asked: the name is simply left out.
 */
export function learnAccount(client: () => Promise<Pick<SmartRecruitersClient, "currentUser">>): Promise<void> {
  inFlight ??= (async () => {
    let account: ConnectedAccount;
    if (!(await canReadAccount())) {
      await accountItem.setValue({ known: false, reason: "user_me_read not granted" });
      return;
    }
    try {
      const user = await (await client()).currentUser();
      const name = `${user.firstName} ${user.lastName}`.trim();
      account =
        name || user.email
          ? { known: true, name: name || (user.email ?? ""), email: user.email }
          : { known: false, reason: "no name" };
    } catch (error) {
      if (!(error instanceof SmartRecruitersError) || !lasting.has(error.kind)) return;
      account = { known: false, reason: error.kind };
    }
    await accountItem.setValue(account);
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
