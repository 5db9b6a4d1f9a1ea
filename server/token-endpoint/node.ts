import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { configFromEnv, createTokenHandler, MAX_BODY_BYTES, type TokenEndpointConfig, type TokenHandler } from "./handler";

/**
 * Runs the token endpoint under Node's http server. Every path answers (the extension is configured
 * with the full URL, e.g. https://sr-token.example.org/token). Plain http: put it behind a TLS proxy.
 *
 *   SR_CLIENT_ID=... SR_CLIENT_SECRET=... ALLOWED_EXTENSION_IDS=... [PORT=8787] [HOST=127.0.0.1] \
 *     [TRUST_PROXY=1] npx tsx server/token-endpoint/node.ts
 *
 * prints TOKEN_ENDPOINT_URL=http://127.0.0.1:N and runs until SIGINT / SIGTERM. Nothing is logged per request.
 */

export interface TokenEndpointServerOptions {
  config: TokenEndpointConfig;
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * The rate limit counts requests per client address: by default the connection's peer address.
   * true when a reverse proxy in front appends the client's address to X-Forwarded-For: the last entry
   * (the one that proxy wrote) is used instead. Leave false when clients can reach this server directly,
   * or any of them could claim any address.
   */
  trustProxy?: boolean;
}

export interface RunningTokenEndpoint {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

interface ReadBody {
  bytes: Uint8Array<ArrayBuffer>;
  /** More than MAX_BODY_BYTES arrived (only the first MAX_BODY_BYTES + 1 are kept: the handler answers 413). */
  tooLarge: boolean;
}

/** Reads at most MAX_BODY_BYTES + 1 bytes; the rest is discarded and the connection closed after the answer. */
function readBody(req: IncomingMessage): Promise<ReadBody> {
  const limit = MAX_BODY_BYTES + 1;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (tooLarge: boolean): void => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      resolve({ bytes: Buffer.concat(chunks, Math.min(size, limit)), tooLarge });
    };
    const onData = (chunk: Buffer): void => {
      const room = limit - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
      if (size >= limit) {
        finish(true);
        req.resume(); // discard the rest
      }
    };
    const onEnd = (): void => finish(false);
    const onError = (error: Error): void => reject(error);
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
  });
}

/** Connection-level headers that mean nothing once the body has been read. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "expect"]);

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":") || HOP_BY_HOP.has(name)) {
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      headers.append(name, item);
    }
  }
  return headers;
}

/** The client's address: the connection's peer, or the last X-Forwarded-For entry behind a trusted proxy. */
function clientIpOf(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && forwarded !== undefined) {
    // Node joins repeated X-Forwarded-For headers with ", ".
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded).split(",").pop()?.trim();
    if (last) {
      return last;
    }
  }
  return req.socket.remoteAddress;
}

async function serve(
  handler: TokenHandler,
  baseUrl: string,
  req: IncomingMessage,
  res: ServerResponse,
  trustProxy: boolean,
): Promise<void> {
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", baseUrl);
  let closeAfter = false;
  const init: RequestInit = { method, headers: toHeaders(req) };
  if (method !== "GET" && method !== "HEAD") {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      closeAfter = true; // the handler answers 413 from Content-Length: do not read the body at all
    } else {
      const body = await readBody(req);
      closeAfter = body.tooLarge;
      init.body = body.bytes;
    }
  }
  const response = await handler(new Request(url, init), { clientIp: clientIpOf(req, trustProxy) });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (closeAfter) {
    headers.connection = "close";
  }
  const payload = Buffer.from(await response.arrayBuffer());
  if (payload.length > 0 || response.status !== 204) {
    headers["content-length"] = String(payload.length);
  }
  res.writeHead(response.status, headers);
  res.end(method === "HEAD" ? undefined : payload);
}

/** Starts the endpoint; resolves once it listens. Throws a TokenEndpointConfigError for a configuration that cannot work. */
export function startTokenEndpoint(options: TokenEndpointServerOptions): Promise<RunningTokenEndpoint> {
  const handler = createTokenHandler(options.config);
  const host = options.host ?? "127.0.0.1";
  let baseUrl = "http://127.0.0.1";
  const trustProxy = options.trustProxy ?? false;
  const server = createServer((req, res) => {
    serve(handler, baseUrl, req, res, trustProxy).catch(() => {
      // Nothing about the request is logged: it may hold a code or a refresh token.
      if (!res.headersSent) {
        res.writeHead(400, {
          "content-type": "application/json; charset=utf-8",
          "cache-control": "no-store",
          connection: "close",
        });
        res.end(JSON.stringify({ error: "invalid_request", error_description: "The request could not be read" }));
      } else {
        res.destroy();
      }
    });
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      baseUrl = `http://${urlHost}:${address.port}`;
      resolve({
        url: baseUrl,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

function parseTrustProxy(text: string | undefined): boolean {
  const value = (text ?? "").trim().toLowerCase();
  if (value === "" || value === "0" || value === "false") {
    return false;
  }
  if (value === "1" || value === "true") {
    return true;
  }
  throw new Error(`TRUST_PROXY must be 1 or 0 (true or false): ${text}`);
}

function parsePort(text: string | undefined): number {
  if (text === undefined || text.trim() === "") {
    return 0;
  }
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65535) {
    throw new Error(`PORT is not a port number: ${text}`);
  }
  return port;
}

async function main(): Promise<void> {
  let running: RunningTokenEndpoint;
  try {
    const config = configFromEnv(process.env);
    const port = parsePort(process.env.PORT);
    const host = process.env.HOST?.trim() || "127.0.0.1";
    const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
    running = await startTokenEndpoint({ config, port, host, trustProxy });
  } catch (error) {
    process.stderr.write(`Token endpoint not started: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  process.stdout.write(`TOKEN_ENDPOINT_URL=${running.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  await main();
}
