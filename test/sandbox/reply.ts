import type { ServerResponse } from "node:http";
import type { RequestContext } from "./context";
import { srError } from "./errors";
import { type Headers, sendEmpty, sendJson } from "./http";
import type { Scope } from "./types";

/** What an API endpoint answers; the gateway sends it (or fails it after the fact, see faults). */
export interface Reply {
  status: number;
  /** undefined: no body. */
  body?: unknown;
  headers?: Headers;
}

export type Handler = (ctx: RequestContext, id: string) => Reply;

/** An API endpoint, once matched on method and path. */
export interface ApiRoute {
  /** The OAuth scope the call needs; null: any valid credential. */
  scope: Scope | null;
  /** Counts against the search concurrency limit. */
  search: boolean;
  /** Changes state: subject to the "applied, then failed" fault. */
  write: boolean;
  /** The id in the path ("" when none). */
  id: string;
  handle: Handler;
}

export function jsonReply(status: number, body: unknown, headers: Headers = {}): Reply {
  return { status, body, headers };
}

export function errorReply(status: number, code: string, message: string): Reply {
  return { status, body: srError(code, message) };
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    sendEmpty(res, reply.status, reply.headers ?? {});
  } else {
    sendJson(res, reply.status, reply.body, reply.headers ?? {});
  }
}

export function isSuccess(reply: Reply): boolean {
  return reply.status >= 200 && reply.status < 300;
}

export function decodeId(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
