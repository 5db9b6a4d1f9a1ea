import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 1024 * 1024;

export type Headers = Record<string, string>;

export class BodyTooLargeError extends Error {
  constructor() {
    super("Request body too large");
  }
}

/** Reads the whole request body (rejects when it exceeds `limit` bytes or the client aborts). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
      }
    });
    req.on("end", () => {
      settled = true;
      if (size > limit) {
        reject(new BodyTooLargeError());
      } else {
        resolve(Buffer.concat(chunks));
      }
    });
    req.on("error", (error) => {
      settled = true;
      reject(error);
    });
    req.on("close", () => {
      if (!settled) {
        settled = true;
        reject(new Error("Request aborted"));
      }
    });
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Headers = {}): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  res.writeHead(status, {
    ...headers,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(html)),
    "Content-Security-Policy": "default-src 'none'",
  });
  res.end(html);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  res.writeHead(status, headers);
  res.end();
}

export function sendRedirect(res: ServerResponse, location: string): void {
  sendEmpty(res, 302, { Location: location, "Cache-Control": "no-store" });
}

export function setHeaders(res: ServerResponse, headers: Headers): void {
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type JsonParse = { ok: true; value: unknown } | { ok: false };

export function parseJson(body: Buffer): JsonParse {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** application/json or application/*+json, with or without parameters. */
export function isJsonContentType(contentType: string | undefined): boolean {
  const type = mediaType(contentType);
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

export function isFormContentType(contentType: string | undefined): boolean {
  return mediaType(contentType) === "application/x-www-form-urlencoded";
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}
