import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { presentedCredential } from "./auth";
import type { RequestContext } from "./context";
import { handleControl } from "./control";
import { applyCors, sendPreflight } from "./cors";
import { sendOAuthError, sendSrError } from "./errors";
import { applyFaults, handleApi, isApiPath } from "./gateway";
import { BodyTooLargeError, readBody, sendHtml } from "./http";
import { handleAuthorize, handleToken } from "./oauth";
import { notFoundPage } from "./pages";
import { handleProfile } from "./profile";
import { SandboxState } from "./state";
import type { SandboxOrigin } from "./types";

export interface SandboxOptions {
  /** Port of the API origin. Default 0: any free port. */
  port?: number;
  /** Port of the web-app origin (authorization and profile pages). Default 0: any free port. */
  appPort?: number;
  /** Default 127.0.0.1 (both origins). */
  host?: string;
}

export interface RunningSandbox {
  /** The API origin, e.g. http://127.0.0.1:41234 (same as apiUrl). */
  url: string;
  /** The API origin: /candidates*, /jobs*, /user-api/…, /identity/oauth/token, /__control/*. */
  apiUrl: string;
  /** The web-app origin: /identity/oauth/allow, /identity/oauth/token, /app/people/candidates/{id}, /__control/*. */
  appUrl: string;
  port: number;
  appPort: number;
  close(): Promise<void>;
}

const TOKEN_PATH = "/identity/oauth/token";
const AUTHORIZE_PATH = "/identity/oauth/allow";
const PROFILE_PREFIX = "/app/people/candidates/";

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
      origin: ctx.listener,
      ...(ctx.meta.fault !== undefined ? { fault: ctx.meta.fault } : {}),
    });
  };
  ctx.res.once("finish", record);
  ctx.res.once("close", record);
}

/** Each origin serves only its own pages; the other's answer 404. */
async function route(ctx: RequestContext): Promise<void> {
  const { path, res } = ctx;
  if (path === "/__control" || path.startsWith("/__control/")) {
    handleControl(ctx);
  } else if (path === TOKEN_PATH) {
    if (await applyFaults(ctx, "oauth")) {
      handleToken(ctx);
    }
  } else if (ctx.listener === "app" && path.startsWith(PROFILE_PREFIX)) {
    handleProfile(ctx);
  } else if (ctx.listener === "app" && path === AUTHORIZE_PATH) {
    handleAuthorize(ctx);
  } else if (ctx.listener === "api" && isApiPath(path)) {
    await handleApi(ctx);
  } else if (ctx.listener === "app") {
    sendHtml(res, 404, notFoundPage(`No such page on this origin: ${ctx.method} ${path}`));
  } else {
    sendSrError(res, 404, "NOT_FOUND", `No such endpoint: ${ctx.method} ${path}`);
  }
}

async function dispatch(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
  listener: SandboxOrigin,
  fallbackOrigin: string,
): Promise<void> {
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
    listener,
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
  await route(ctx);
}

interface Listener {
  server: Server;
  port: number;
  origin: string;
}

async function listen(state: SandboxState, listener: SandboxOrigin, host: string, port: number): Promise<Listener> {
  let origin = "";
  const server = createServer((req, res) => {
    dispatch(req, res, state, listener, origin).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        const message = error instanceof Error ? error.message : String(error);
        if (req.url?.startsWith(TOKEN_PATH) === true) {
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
    server.listen(port, host, () => {
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
  return { server, port: address.port, origin };
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}

/**
 * Starts a SmartRecruiters sandbox: the API on one origin (host:port) and the web app (authorization
 * and profile pages) on another (host:appPort), sharing one state.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const state = new SandboxState();
  const api = await listen(state, "api", host, options.port ?? 0);
  let app: Listener;
  try {
    app = await listen(state, "app", host, options.appPort ?? 0);
  } catch (error) {
    await closeServer(api.server);
    throw error;
  }
  return {
    url: api.origin,
    apiUrl: api.origin,
    appUrl: app.origin,
    port: api.port,
    appPort: app.port,
    close: async () => {
      await Promise.all([closeServer(api.server), closeServer(app.server)]);
    },
  };
}
