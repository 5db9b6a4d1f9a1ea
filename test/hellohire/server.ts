/**
 * Loopback server for the Hellohire fixture pages: a no-build single-page app (test/hellohire/app/)
 * that imitates the interviewer's view of Hellohire (dashboard, one-on-one room, group room, sign-in).
 *
 * - `GET /api/session` returns the scenario data (interviewer, events, interviews, CSR queue); the
 *   same JSON is embedded in index.html (`<script id="hellohire-session" type="application/json">`).
 * - Paths with a file extension are static files from app/ (404 when missing).
 * - Any other path (no extension) serves app/index.html, so client-side routes survive a reload.
 *
 * Only node built-ins; used by end-to-end tests, the benchmark and the demo.
 */
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtureInterviewName, type HellohirePerson, hellohireQueue } from "../shared/people";

export interface FixtureServerOptions {
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningFixtureServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The JSON document the app loads at start-up (`GET /api/session`). */
export interface HellohireSession {
  organization: string;
  interviewer: { name: string; email: string; role: "Interviewer" };
  events: HellohireEvent[];
  /** Candidates of the one-on-one interview, in queue order. */
  queue: HellohirePerson[];
  /** Name of the one-on-one interview (`int-csr`). */
  interviewName: string;
  /** Name of the group interview (`int-group`). */
  groupInterviewName: string;
}

export interface HellohireEvent {
  id: string;
  name: string;
  when: string;
  location: string;
  status: "live" | "upcoming" | "ended";
  interviews: HellohireInterview[];
}

export interface HellohireInterview {
  id: string;
  name: string;
  job: string;
  format: "one-on-one" | "group" | "in-person";
  session: string;
  lengthMinutes: number;
  registered: number;
  /** Path of the interview room inside the app; null when the interview cannot be joined. */
  roomPath: string | null;
}

export const GROUP_INTERVIEW_NAME = "Warehouse Group Session";

export function sessionData(): HellohireSession {
  const queue = hellohireQueue.map((person) => ({ ...person }));
  return {
    organization: "Northwind Logistics",
    interviewer: { name: "Dana Reyes", email: "dana.reyes@example.com", role: "Interviewer" },
    interviewName: fixtureInterviewName,
    groupInterviewName: GROUP_INTERVIEW_NAME,
    queue,
    events: [
      {
        id: "evt-1",
        name: "Spring Customer Support & Warehouse Hiring Event",
        when: "Today · 9:00 AM – 1:00 PM CDT",
        location: "Virtual",
        status: "live",
        interviews: [
          {
            id: "int-csr",
            name: fixtureInterviewName,
            job: "Customer Service Representative",
            format: "one-on-one",
            session: "10:00 – 11:00 AM",
            lengthMinutes: 10,
            registered: queue.length,
            roomPath: "/events/evt-1/interviews/int-csr/room",
          },
          {
            id: "int-group",
            name: GROUP_INTERVIEW_NAME,
            job: "Warehouse Associate",
            format: "group",
            session: "11:30 AM – 12:15 PM",
            lengthMinutes: 45,
            registered: 3,
            roomPath: "/events/evt-1/interviews/int-group/room",
          },
        ],
      },
      {
        id: "evt-2",
        name: "Distribution Center Open House",
        when: "Thu · 8:00 AM – 2:00 PM CDT",
        location: "Joliet, IL",
        status: "upcoming",
        interviews: [
          {
            id: "int-forklift",
            name: "Forklift Operator - Day Shift",
            job: "Forklift Operator",
            format: "in-person",
            session: "8:00 AM – 2:00 PM",
            lengthMinutes: 15,
            registered: 18,
            roomPath: null,
          },
        ],
      },
      {
        id: "evt-0",
        name: "Winter Seasonal Hiring Day",
        when: "Dec 12 · 10:00 AM – 4:00 PM CST",
        location: "Virtual",
        status: "ended",
        interviews: [
          {
            id: "int-seasonal",
            name: "Seasonal Picker",
            job: "Seasonal Warehouse Picker",
            format: "one-on-one",
            session: "10:00 AM – 4:00 PM",
            lengthMinutes: 10,
            registered: 41,
            roomPath: null,
          },
        ],
      },
    ],
  };
}

const APP_DIR = resolve(fileURLToPath(new URL("./app/", import.meta.url)));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const COMMON_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

function send(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  const buffer = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, {
    ...COMMON_HEADERS,
    "Content-Type": contentType,
    "Content-Length": String(buffer.length),
  });
  res.end(req.method === "HEAD" ? undefined : buffer);
}

function notFound(req: IncomingMessage, res: ServerResponse): void {
  send(req, res, 404, "text/plain; charset=utf-8", "Not found\n");
}

/** Resolves a URL path inside app/, or null when it escapes it. */
function appFile(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = resolve(APP_DIR, `.${decoded.startsWith("/") ? decoded : `/${decoded}`}`);
  return file.startsWith(APP_DIR + sep) ? file : null;
}

const SESSION_PLACEHOLDER = "<!--hellohire:session-->";

/**
 * Embeds the session JSON in index.html, so that the app renders during module evaluation (before
 * the `load` event: plain `chromium --screenshot` captures the rendered page). The app falls back
 * to `GET /api/session` when the element is missing.
 */
function withInlineSession(html: string): string {
  const json = JSON.stringify(sessionData()).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return html.replace(SESSION_PLACEHOLDER, () => `<script id="hellohire-session" type="application/json">${json}</script>`);
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    send(req, res, 405, "text/plain; charset=utf-8", "Method not allowed\n");
    return;
  }
  const { pathname } = new URL(req.url ?? "/", "http://fixture.invalid");

  if (pathname === "/api/session") {
    send(req, res, 200, "application/json; charset=utf-8", JSON.stringify(sessionData()));
    return;
  }
  if (pathname.startsWith("/api/")) {
    send(req, res, 404, "application/json; charset=utf-8", JSON.stringify({ error: "not_found" }));
    return;
  }

  const extension = extname(pathname).toLowerCase();
  if (extension === "" || pathname === "/index.html") {
    // SPA fallback: every extensionless path is a client-side route.
    const index = await readIfFile(resolve(APP_DIR, "index.html"));
    if (index === null) {
      send(req, res, 500, "text/plain; charset=utf-8", "index.html missing\n");
      return;
    }
    send(req, res, 200, CONTENT_TYPES[".html"] ?? "text/html", withInlineSession(index.toString("utf8")));
    return;
  }

  const file = appFile(pathname);
  const body = file === null ? null : await readIfFile(file);
  if (body === null) {
    notFound(req, res);
    return;
  }
  send(req, res, 200, CONTENT_TYPES[extension] ?? "application/octet-stream", body);
}

export async function startHellohireFixtures(options: FixtureServerOptions = {}): Promise<RunningFixtureServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        send(req, res, 500, "text/plain; charset=utf-8", `Internal error: ${String(error)}\n`);
      } else {
        res.destroy();
      }
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    const onError = (error: Error): void => rejectListen(error);
    server.once("error", onError);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", onError);
      resolveListen();
    });
  });

  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" || host.includes(":") ? `[${address.address}]` : host;
  let closing: Promise<void> | null = null;

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
