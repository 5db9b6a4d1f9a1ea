import { devExtensionId as extensionId } from "../../lib/manifest/manifest";
import { type RunningTokenEndpoint, startTokenEndpoint } from "../../server/token-endpoint/node";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../sandbox/credentials";
import type { RunningSandbox } from "../sandbox/server";

/** The sandbox's two origins, as SmartRecruiters has them: the API on one, sign-in and profile pages on the other. */
export type SandboxOrigins = Pick<RunningSandbox, "url" | "appUrl">;

/** The addresses the extension needs for the sandbox (a URL built on the wrong origin gets a 404). */
export function sandboxEndpoints(sandbox: SandboxOrigins) {
  return {
    apiBaseUrl: sandbox.url,
    profileUrlTemplate: `${sandbox.appUrl}/app/people/candidates/{id}`,
    authorizeUrl: `${sandbox.appUrl}/identity/oauth/allow`,
    tokenUrl: `${sandbox.appUrl}/identity/oauth/token`,
  };
}

/** A candidate's profile page on the sandbox. */
export function sandboxProfileUrl(sandbox: SandboxOrigins, candidateId: string): string {
  return `${sandbox.appUrl}/app/people/candidates/${encodeURIComponent(candidateId)}`;
}

/**
 * The organisation's token endpoint (server/token-endpoint) in front of the sandbox: it holds the
 * client secret SmartRecruiters requires for the code exchange and refresh, as docs/token-endpoint.md says.
 * It answers the Chrome test build; `firefox` adds a Firefox add-on (its moz-extension:// origin and its gecko id).
 */
export function startSandboxTokenEndpoint(
  sandbox: SandboxOrigins,
  options: { fetch?: typeof fetch; firefox?: { origin: string; addonId: string } } = {},
): Promise<RunningTokenEndpoint> {
  return startTokenEndpoint({
    config: {
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      upstreamTokenUrl: sandboxEndpoints(sandbox).tokenUrl,
      allowedExtensionIds: [extensionId],
      // Every test's calls come from 127.0.0.1: the per-address limit (30 a minute) has tests of its own.
      rateLimitPerMinute: 1000,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.firefox ? { allowedOrigins: [options.firefox.origin], allowedFirefoxAddonIds: [options.firefox.addonId] } : {}),
    },
  });
}
