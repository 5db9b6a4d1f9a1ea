import type { IncomingMessage, ServerResponse } from "node:http";
import { sendEmpty } from "./http";

/** Permissive CORS: the extension calls from chrome-extension:// origins. */

export const EXPOSED_HEADERS = [
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Concurrent-Limit",
  "X-RateLimit-Concurrent-Remaining",
  "Retry-After",
  "Location",
  "Link",
  "WWW-Authenticate",
];

const DEFAULT_ALLOWED_HEADERS = "Authorization, X-SmartToken, Content-Type, Accept";

export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
    res.setHeader("Vary", "Origin");
  } else {
    res.setHeader("Access-Control-Allow-Origin", "*");
  }
  res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS.join(", "));
}

export function sendPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers["access-control-request-headers"];
  const headers: Record<string, string> = {
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": requested !== undefined && requested !== "" ? requested : DEFAULT_ALLOWED_HEADERS,
    "Access-Control-Max-Age": "600",
    Allow: "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  };
  if (req.headers["access-control-request-private-network"] === "true") {
    headers["Access-Control-Allow-Private-Network"] = "true";
  }
  if (requested !== undefined) {
    headers.Vary = "Origin, Access-Control-Request-Headers";
  }
  sendEmpty(res, 204, headers);
}
