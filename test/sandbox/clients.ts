import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_SYSTEM_CLIENT_ID, SANDBOX_SYSTEM_CLIENT_SECRET } from "./credentials";

export type GrantType = "authorization_code" | "refresh_token" | "client_credentials";

export interface OAuthClient {
  id: string;
  secret: string;
  name: string;
  grants: readonly GrantType[];
}

/** The OAuth clients SmartRecruiters has issued (fixed; a reset keeps them). */
export const OAUTH_CLIENTS: readonly OAuthClient[] = [
  {
    id: SANDBOX_CLIENT_ID,
    secret: SANDBOX_CLIENT_SECRET,
    name: "SmartRecruiters for Hellohire (sandbox)",
    grants: ["authorization_code", "refresh_token"],
  },
  {
    id: SANDBOX_SYSTEM_CLIENT_ID,
    secret: SANDBOX_SYSTEM_CLIENT_SECRET,
    name: "System credential (sandbox)",
    grants: ["client_credentials"],
  },
];

export function findClient(id: string): OAuthClient | undefined {
  return OAUTH_CLIENTS.find((client) => client.id === id);
}

/**
 * Redirect URIs the sandbox accepts, standing for the ones a client registers (https, or http://localhost): an
 * extension's https://<32 letters a-p>.chromiumapp.org/... (Chrome, Edge), a Firefox add-on's
 * https://<40 hex digits, its ID's SHA-1>.extensions.allizom.org/..., or any http://localhost or http://127.0.0.1 URL
 * (any port; Firefox's loopback form http://127.0.0.1/mozoauth2/<hash> among them). No fragment, no user info.
 */
export function isAllowedRedirectUri(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (uri.includes("#") || url.username !== "" || url.password !== "") {
    return false;
  }
  if (url.protocol === "https:") {
    // Checked on the raw text too: URL() lowercases the host, the spec wants lowercase letters a-p.
    const extensionHost = /^https:\/\/([a-p]{32}\.chromiumapp\.org|[0-9a-f]{40}\.extensions\.allizom\.org)(\/|$)/u;
    return extensionHost.test(uri) && url.port === "";
  }
  if (url.protocol === "http:") {
    return url.hostname === "localhost" || url.hostname === "127.0.0.1";
  }
  return false;
}
