import { isSmartRecruitersAddress } from "../smartrecruiters/hosts";

/** The address settings: where the API, the profile pages, the sign-in page and the token exchange are. */
export type EndpointKey = "authorizeUrl" | "tokenUrl" | "apiBaseUrl" | "profileUrlTemplate";

export const endpointKeys: readonly EndpointKey[] = ["authorizeUrl", "tokenUrl", "apiBaseUrl", "profileUrlTemplate"];

/**
 * A dev or test build (`wxt --mode development` / `--mode test`, and the unit tests): the only builds
 * where plain http to this computer (the SmartRecruiters sandbox) is an address at all. Production,
 * and any other mode, refuses it from every source. Read at each call: tests stub the mode.
 */
export function loopbackAllowed(): boolean {
  const mode = import.meta.env?.MODE;
  return mode === "test" || mode === "development";
}

function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

/** https; or plain http to this computer (a local test server) in dev and test builds only. Anything else is refused. */
export function safeUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.username || url.password) return null;
    if (url.protocol === "https:") return url.href;
    return url.protocol === "http:" && isLoopback(url) && loopbackAllowed() ? url.href : null;
  } catch {
    return null;
  }
}

/** An address setting, normalised; null when it is not an https:// address (or a template without {id}). */
export function parseEndpoint(key: EndpointKey, value: unknown): string | null {
  if (typeof value !== "string") return null;
  const url = safeUrl(value);
  if (!url) return null;
  if (key === "profileUrlTemplate") {
    const template = url.replaceAll("%7Bid%7D", "{id}");
    return template.includes("{id}") ? template : null;
  }
  return key === "apiBaseUrl" ? url.replace(/\/+$/u, "") : url;
}

export type TypedAddress = { ok: true; url: string } | { ok: false; problem: "not-an-address" | "not-smartrecruiters" };

/**
 * An address the interviewer types (side panel, "Advanced"): SmartRecruiters' own
 * (`https://*.smartrecruiters.com`) only, so that a message saying "use this address" cannot send a
 * sign-in anywhere else; in dev and test builds also this computer (the sandbox). Only the
 * organisation's policy may point elsewhere (its token endpoint, a proxy).
 */
export function parseTypedEndpoint(key: EndpointKey, value: unknown): TypedAddress {
  const url = parseEndpoint(key, value);
  if (!url) return { ok: false, problem: "not-an-address" };
  if (isSmartRecruitersAddress(url) || (loopbackAllowed() && isLoopback(new URL(url)))) return { ok: true, url };
  return { ok: false, problem: "not-smartrecruiters" };
}
