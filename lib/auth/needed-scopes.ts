import type { ConnectionStatus } from "../messaging/protocol";
import type { UserSettings } from "../settings/settings";
import { missingScopes, neededScopes } from "../smartrecruiters/oauth";

/**
 * The scopes the current settings need that the interviewer's sign-in was not granted: with
 * create-and-update switched on (by the interviewer or by policy) after a sign-in that did not ask for
 * it, `candidates_create`. Only a new sign-in gives them; until then nothing is created. None for an
 * API key or the organisation's credential (all assumed granted), nor while not connected.
 */
export function scopesToAskAgain(
  connection: Pick<ConnectionStatus, "connected" | "method" | "byOrganisation" | "scopes">,
  settings: Pick<UserSettings, "createAndUpdateCandidates">,
): string[] {
  if (!connection.connected || connection.byOrganisation || connection.method !== "oauth") return [];
  return missingScopes(connection.scopes, neededScopes({ createAndUpdate: settings.createAndUpdateCandidates }));
}
