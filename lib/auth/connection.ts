import type { ConnectionStatus } from "../messaging/protocol";
import { endpoints } from "../settings/settings";
import { type Credential, createClient, type SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import type { RateLimiter } from "../smartrecruiters/rate-limiter";
import { normaliseApiKey, storedCredential } from "./credential-store";

export async function connectionStatus(): Promise<ConnectionStatus> {
  const [credential, { apiBaseUrl, profileUrlTemplate }] = await Promise.all([storedCredential.getValue(), endpoints.getValue()]);
  return {
    connected: credential !== null,
    method: credential === null ? null : credential.kind === "apiKey" ? "apiKey" : "oauth",
    apiBaseUrl,
    profileUrlTemplate,
  };
}

function validUrl(text: string, what: string): string {
  try {
    const url = new URL(text.trim());
    if (url.protocol === "https:" || url.hostname === "127.0.0.1" || url.hostname === "localhost") return url.href;
  } catch {
    // reported below
  }
  throw new SmartRecruitersError("bad-request", `The ${what} must be an https:// address.`);
}

/** Checks an API key with one search call and keeps it only if SmartRecruiters accepts it. */
export async function connectWithApiKey(input: {
  apiKey: string;
  apiBaseUrl: string;
  profileUrlTemplate: string;
}): Promise<ConnectionStatus> {
  const apiKey = normaliseApiKey(input.apiKey);
  if (!apiKey) throw new SmartRecruitersError("bad-request", "That does not look like a SmartRecruiters API key.");
  const apiBaseUrl = validUrl(input.apiBaseUrl, "API address").replace(/\/+$/u, "");
  const profileUrlTemplate = validUrl(input.profileUrlTemplate, "profile page address").replaceAll("%7Bid%7D", "{id}");
  if (!profileUrlTemplate.includes("{id}"))
    throw new SmartRecruitersError("bad-request", "The profile page address must contain {id}.");
  const credential: Credential = { kind: "apiKey", apiKey };
  await createClient({ apiBaseUrl, credential }).searchCandidates('"connection-check@example.invalid"', 1);
  await endpoints.setValue({ apiBaseUrl, profileUrlTemplate });
  await storedCredential.setValue(credential);
  return connectionStatus();
}

export async function disconnect(): Promise<ConnectionStatus> {
  await storedCredential.setValue(null);
  return connectionStatus();
}

/** A client signed in with the stored credential, or a not-connected error. */
export async function connectedClient(
  limiter?: RateLimiter,
): Promise<{ client: SmartRecruitersClient; profileUrlTemplate: string }> {
  const [credential, { apiBaseUrl, profileUrlTemplate }] = await Promise.all([storedCredential.getValue(), endpoints.getValue()]);
  if (!credential)
    throw new SmartRecruitersError("not-connected", "Not connected to SmartRecruiters: connect in the extension's side panel.");
  return { client: createClient({ apiBaseUrl, credential, ...(limiter ? { limiter } : {}) }), profileUrlTemplate };
}
