import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { presentedCredential } from "./auth";
import type { RequestContext } from "./context";
import { handleControl } from "./control";
import { applyCors, sendPreflight } from "./cors";
import { sendOAuthError, sendSrError } from "./errors";
import { applyFaults, handleApi } from "./gateway";
import { BodyTooLargeError, readBody } from "./http";
import { handleAuthorize, handleToken } from "./oauth";
import { handleProfile } from "./profile";
import { SandboxState } from "./state";
import { USERS_ME_PATH } from "./users";

export interface SandboxOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  close(): Promise<void>;
}

function isApiPath(path: string): boolean {
  return path === "/candidates" || path.startsWith("/candidates/") || path === USERS_ME_PATH;
}

function isLoggedPath(path: string): boolean {
  return isApiPath(path) || path.startsWith("/identity/oauth/");
}

/** Records the request in the log once it is answered (or dropped). */
function logWhenDone(ctx: RequestContext): void {
  const at = Date.now();
  let logged = false;
  const record = (): void => {
    if (logged) {
      return;
    }
    logged = true;
    ctx.state.log.add({
      method: ctx.method,
      path: ctx.path,
      query: Object.fromEntries(ctx.url.searchParams),
      rawQuery: ctx.url.search.slice(1),
      status: ctx.res.headersSent ? ctx.res.statusCode : 0,
      credential: ctx.meta.credential,
      at,
      ...(ctx.meta.fault !== undefined ? { fault: ctx.meta.fault } : {}),
    });
  };
  ctx.res.once("finish", record);
  ctx.res.once("close", record);
}

async function dispatch(req: IncomingMessage, res: ServerResponse, state: SandboxState, fallbackOrigin: string): Promise<void> {
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  const path = url.pathname;
  applyCors(req, res);
  if (method === "OPTIONS") {
    sendPreflight(req, res);
    return;
  }
  const host = req.headers.host;
  const ctx: RequestContext = {
    req,
    res,
    method,
    url,
    path,
    body: Buffer.alloc(0),
    origin: host !== undefined && host !== "" ? `http://${host}` : fallbackOrigin,
    state,
    meta: { credential: presentedCredential(req) },
  };
  if (isLoggedPath(path)) {
    logWhenDone(ctx);
  }
  try {
    ctx.body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendSrError(res, 413, "PAYLOAD_TOO_LARGE", "Request body too large");
    }
    return;
  }
  if (path === "/__control" || path.startsWith("/__control/")) {
    handleControl(ctx);
  } else if (path.startsWith("/app/people/candidates/")) {
    handleProfile(ctx);
  } else if (path === "/identity/oauth/allow") {
    handleAuthorize(ctx);
  } else if (path === "/identity/oauth/token") {
    if (await applyFaults(ctx, "oauth")) {
      handleToken(ctx);
    }
  } else if (isApiPath(path)) {
    await handleApi(ctx);
  } else {
    sendSrError(res, 404, "NOT_FOUND", `No such endpoint: ${method} ${path}`);
  }
}

/** Starts a SmartRecruiters API sandbox on host:port (default 127.0.0.1, any free port). */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const state = new SandboxState();
  let origin = "";
  const server = createServer((req, res) => {
    dispatch(req, res, state, origin).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        const message = error instanceof Error ? error.message : String(error);
        if (req.url?.startsWith("/identity/oauth/token") === true) {
          sendOAuthError(res, 500, "server_error", message);
        } else {
          sendSrError(res, 500, "INTERNAL_SERVER_ERROR", `Sandbox error: ${message}`);
        }
      } else {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") {
    server.close();
    throw new Error("The sandbox is not listening on a TCP port");
  }
  const urlHost = host.includes(":") ? `[${host}]` : host;
  origin = `http://${urlHost}:${address.port}`;
  return {
    url: origin,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
