import { t } from "../i18n/messages";
import type { ConnectionStatus } from "../messaging/protocol";
import { normaliseApiKey } from "../settings/policy";
import { endpoints, typedEndpointsToKeep } from "../settings/settings";
import { createClient, type SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { accountScope } from "../smartrecruiters/oauth";
import type { RateLimiter } from "../smartrecruiters/rate-limiter";
import { type AuthConfig, authConfig, signInLacksSecret } from "./auth-config";
import {
  accessTokenItem,
  accountItem,
  authProblemItem,
  clearSignIn,
  refreshTokenItem,
  storedCredential,
} from "./credential-store";
import { grants, oauthScopes } from "./scopes";
import { chosenEndpoints, type EndpointChoice } from "./sign-in";
import type { TokenKeeper } from "./tokens";

/** What is stored of a sign-in (credential-store.ts), as connectionStatus reads it. */
export interface StoredSignIn {
  userKey: Awaited<ReturnType<typeof storedCredential.getValue>>;
  refresh: Awaited<ReturnType<typeof refreshTokenItem.getValue>>;
  access: Awaited<ReturnType<typeof accessTokenItem.getValue>>;
  problem: Awaited<ReturnType<typeof authProblemItem.getValue>>;
  account: Awaited<ReturnType<typeof accountItem.getValue>>;
}

/** What the side panel shows of the connection: never a token, key or secret. */
export async function connectionStatus(): Promise<ConnectionStatus> {
  const [config, userKey, refresh, access, problem, account] = await Promise.all([
    authConfig(),
    storedCredential.getValue(),
    refreshTokenItem.getValue(),
    accessTokenItem.getValue(),
    authProblemItem.getValue(),
    accountItem.getValue(),
  ]);
  return statusOf(config, { userKey, refresh, access, problem, account }, Date.now());
}

/** The connection a sign-in set-up and what is stored of a sign-in make (also the side panel's pages at build time). */
export function statusOf(
  config: AuthConfig,
  { userKey, refresh, access, problem, account }: StoredSignIn,
  now: number,
): ConnectionStatus {
  const connected =
    config.mode === "clientCredentials" ||
    (config.mode === "apiKey" && (config.byOrganisation ? Boolean(config.apiKey) : userKey !== null)) ||
    (config.mode === "oauth" && (refresh !== null || (access?.grant === "oauth" && access.expiresAt > now)));
  return {
    connected,
    method: connected ? config.mode : null,
    byOrganisation: config.byOrganisation,
    userMayChoose: config.userMayChoose,
    canSignIn: config.mode === "oauth" && config.endpoints.clientId !== "",
    scopes: config.mode === "oauth" ? oauthScopes(refresh, access) : [],
    signInNeedsSecret: signInLacksSecret(config),
    problem: problem ? { message: problem.message, fix: problem.fix } : null,
    endpoints: config.endpoints,
    locked: config.locked,
    // The organisation's credential belongs to a system user or an admin, not to the interviewer: no name then.
    account: connected && !config.byOrganisation && account?.known ? { name: account.name, email: account.email } : null,
  };
}

/**
 * Connected with a credential of the interviewer's own that may read `users/me` (an API key, or a
 * sign-in granted `user_me_read`), and SmartRecruiters has not said yet whose it is.
 */
export async function accountToLearn(status: ConnectionStatus): Promise<boolean> {
  if (!status.connected || status.byOrganisation) return false;
  if (status.method === "oauth" && !grants(status.scopes, accountScope)) return false;
  return (await accountItem.getValue()) === null;
}

/** Checks an API key with one search call and keeps it only if SmartRecruiters accepts it. */
export async function connectWithApiKey(input: { apiKey: string } & EndpointChoice): Promise<ConnectionStatus> {
  const config = await authConfig();
  if (!config.userMayChoose) throw new SmartRecruitersError("bad-request", t("errOrganisationChoseSignIn"));
  const apiKey = normaliseApiKey(input.apiKey);
  if (!apiKey) throw new SmartRecruitersError("bad-request", t("errNotAnApiKey"));
  const target = chosenEndpoints(config, input);
  await createClient({ apiBaseUrl: target.apiBaseUrl, credential: { kind: "apiKey", apiKey } }).searchCandidates(
    '"connection-check@example.invalid"',
    { limit: 1 },
  );
  await clearSignIn();
  await Promise.all([
    endpoints.setValue(typedEndpointsToKeep(target, config.locked)),
    storedCredential.setValue({ kind: "apiKey", apiKey }),
  ]);
  return connectionStatus();
}

/**
 * Forgets every token, key and auth problem of this browser, and the addresses the interviewer typed
 * (back to SmartRecruiters' defaults); the organisation's policy, and the addresses it sets, stay.
 */
export async function disconnect(): Promise<ConnectionStatus> {
  await Promise.all([clearSignIn(), endpoints.removeValue()]);
  return connectionStatus();
}

/** A client signed in with the current credential, renewed as needed, or a not-connected error on first use. */
export async function connectedClient(
  keeper: TokenKeeper,
  limiter?: RateLimiter,
): Promise<{ client: SmartRecruitersClient; profileUrlTemplate: string }> {
  const config = await authConfig();
  const client = createClient({
    apiBaseUrl: config.endpoints.apiBaseUrl,
    credential: keeper.source(async () => config),
    ...(limiter ? { limiter } : {}),
  });
  return { client, profileUrlTemplate: config.endpoints.profileUrlTemplate };
}
