import { type ServerResponse, STATUS_CODES } from "node:http";
import { type Headers, sendJson } from "./http";

/** SmartRecruiters' error body. */
export interface SrErrorBody {
  message: string;
  errors: { code: string; message: string }[];
}

export interface OAuthErrorBody {
  error: string;
  error_description: string;
}

export function srError(code: string, message: string, details: { code: string; message: string }[] = []): SrErrorBody {
  return { message, errors: details.length > 0 ? details : [{ code, message }] };
}

export function sendSrError(res: ServerResponse, status: number, code: string, message: string, headers: Headers = {}): void {
  sendJson(res, status, srError(code, message), headers);
}

export function sendOAuthError(
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Headers = {},
): void {
  const body: OAuthErrorBody = { error, error_description: description };
  sendJson(res, status, body, { "Cache-Control": "no-store", ...headers });
}

const SR_CODES: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  422: "UNPROCESSABLE_ENTITY",
  429: "RATE_LIMIT_EXCEEDED",
  500: "INTERNAL_SERVER_ERROR",
  502: "BAD_GATEWAY",
  503: "SERVICE_UNAVAILABLE",
  504: "GATEWAY_TIMEOUT",
};

const OAUTH_ERRORS: Record<number, string> = {
  400: "invalid_request",
  401: "invalid_client",
  403: "access_denied",
  429: "temporarily_unavailable",
  503: "temporarily_unavailable",
};

/** The answer of an injected fault: SmartRecruiters' shape on /candidates*, OAuth's on the token endpoint. */
export function sendInjectedError(res: ServerResponse, status: number, shape: "sr" | "oauth"): void {
  const headers: Headers = status === 429 ? { "Retry-After": "1" } : {};
  const reason = STATUS_CODES[status] ?? "Error";
  if (shape === "oauth") {
    const error = OAUTH_ERRORS[status] ?? "server_error";
    sendOAuthError(res, status, error, `Injected fault: ${status} ${reason}`, headers);
    return;
  }
  const code = SR_CODES[status] ?? `HTTP_${status}`;
  const message = status === 401 ? "Authentication failed: invalid or expired credentials" : `${reason} (injected fault)`;
  sendSrError(res, status, code, message, headers);
}
