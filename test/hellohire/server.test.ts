// @vitest-environment node
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureInterviewName, hellohireQueue } from "../shared/people";
import { type RunningFixtureServer, startHellohireFixtures } from "./server";

const here = dirname(fileURLToPath(import.meta.url));
const appDir = join(here, "app");

describe("Hellohire fixture server", () => {
  let server: RunningFixtureServer;

  beforeAll(async () => {
    server = await startHellohireFixtures();
  });

  afterAll(async () => {
    await server.close();
  });

  it("listens on an ephemeral loopback port", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it.each([
    "/",
    "/events",
    "/events/",
    "/events/evt-1/interviews/int-csr/room",
    "/events/evt-1/interviews/int-csr/room?candidate=jose&theme=dark",
    "/events/evt-1/interviews/int-csr/room?state=waiting",
    "/events/evt-1/interviews/int-group/room",
    "/sign-in",
    "/some/unknown/route",
  ])("serves index.html for the SPA route %s", async (path) => {
    const response = await fetch(server.url + path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('src="/app.js"');
    expect(html).toContain('href="/style.css"');
    const inline = html.match(/<script id="hellohire-session" type="application\/json">([^<]*)<\/script>/);
    expect(inline?.[1]).toBeDefined();
    expect((JSON.parse(inline?.[1] ?? "null") as { queue: unknown }).queue).toEqual(hellohireQueue);
  });

  it.each([
    ["/app.js", "text/javascript; charset=utf-8"],
    ["/room.js", "text/javascript; charset=utf-8"],
    ["/styles.js", "text/javascript; charset=utf-8"],
    ["/style.css", "text/css; charset=utf-8"],
    ["/favicon.svg", "image/svg+xml"],
  ])("serves %s as %s", async (path, type) => {
    const response = await fetch(server.url + path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(body).toBe(readFileSync(join(appDir, path.slice(1)), "utf8"));
  });

  it("answers HEAD without a body", async () => {
    const response = await fetch(`${server.url}/app.js`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await response.text()).toBe("");
  });

  it("serves the scenario at /api/session", async () => {
    const response = await fetch(`${server.url}/api/session`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const session = (await response.json()) as {
      queue: unknown;
      interviewName: string;
      groupInterviewName: string;
      events: { id: string; interviews: { id: string; roomPath: string | null; format: string }[] }[];
    };
    expect(session.queue).toEqual(hellohireQueue);
    expect(session.interviewName).toBe(fixtureInterviewName);
    expect(session.groupInterviewName).toBe("Warehouse Group Session");
    const event = session.events.find((e) => e.id === "evt-1");
    expect(event?.interviews.map((i) => [i.id, i.format, i.roomPath])).toEqual([
      ["int-csr", "one-on-one", "/events/evt-1/interviews/int-csr/room"],
      ["int-group", "group", "/events/evt-1/interviews/int-group/room"],
    ]);
  });

  it.each(["/missing.js", "/nope/style.css", "/app/app.js", "/favicon.ico", "/..%2f..%2fpackage.json", "/%2e%2e/server.ts"])(
    "answers 404 for the missing or outside file %s",
    async (path) => {
      const response = await fetch(server.url + path);
      expect(response.status).toBe(404);
    },
  );

  it("answers 404 for unknown API routes and 405 for other methods", async () => {
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/session`, { method: "POST" })).status).toBe(405);
  });

  it("frees its port on close()", async () => {
    const other = await startHellohireFixtures();
    const port = other.port;
    expect((await fetch(`${other.url}/events`)).status).toBe(200);
    await other.close();
    await other.close(); // idempotent
    await expect(fetch(`${other.url}/events`)).rejects.toThrow();
    // The port can be bound again.
    await new Promise<void>((resolveListen, rejectListen) => {
      const probe = createServer();
      probe.once("error", rejectListen);
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolveListen()));
    });
  });

  it("starts on a requested port", async () => {
    const probe = createServer();
    const port = await new Promise<number>((resolvePort) =>
      probe.listen(0, "127.0.0.1", () => {
        const address = probe.address();
        const value = typeof address === "object" && address !== null ? address.port : 0;
        probe.close(() => resolvePort(value));
      }),
    );
    const fixed = await startHellohireFixtures({ port, host: "127.0.0.1" });
    try {
      expect(fixed.port).toBe(port);
      expect(fixed.url).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await fixed.close();
    }
  });
});

describe("Hellohire fixture CLI", () => {
  it("prints HELLOHIRE_URL and stops on SIGTERM", async () => {
    const tsxCli = resolve(here, "../../node_modules/tsx/dist/cli.mjs");
    const child = spawn(process.execPath, [tsxCli, join(here, "cli.ts"), "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolveUrl, rejectUrl) => {
        let out = "";
        let err = "";
        const timer = setTimeout(() => rejectUrl(new Error(`no URL printed; stderr: ${err}`)), 20_000);
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          const match = out.match(/^HELLOHIRE_URL=(http:\/\/127\.0\.0\.1:\d+)$/m);
          if (match?.[1]) {
            clearTimeout(timer);
            resolveUrl(match[1]);
          }
        });
        child.stderr.on("data", (chunk: Buffer) => {
          err += chunk.toString("utf8");
        });
        child.once("exit", (code) => {
          clearTimeout(timer);
          rejectUrl(new Error(`cli exited early (${code}): ${err}`));
        });
      });
      expect((await fetch(`${url}/api/session`)).status).toBe(200);
      const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }, 30_000);
});

describe("Hellohire fixture app sources", () => {
  const files = readdirSync(appDir).filter((name) => /\.(js|html|css)$/.test(name));
  const read = (name: string): string => readFileSync(join(appDir, name), "utf8");

  it("never parses data as HTML (no innerHTML and friends)", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      const text = read(name);
      for (const sink of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"]) {
        expect(text.includes(sink), `${name} uses ${sink}`).toBe(false);
      }
    }
  });

  it("keeps the CSS-module class map and style.css in sync", () => {
    const stylesJs = read("styles.js");
    const css = read("style.css");
    const map = new Map<string, string>();
    let module = "";
    for (const line of stylesJs.split("\n")) {
      const moduleMatch = line.match(/^ {2}(\w+): Object\.freeze\(\{$/);
      if (moduleMatch?.[1]) module = moduleMatch[1];
      const entry = line.match(/^ {4}(\w+): "([\w-]+)",$/);
      if (entry?.[1] && entry[2]) {
        expect(entry[2]).toMatch(new RegExp(`^${module}_${entry[1]}__[0-9A-Za-z]{5}$`));
        map.set(`${module}.${entry[1]}`, entry[2]);
      }
    }
    expect(map.size).toBeGreaterThan(100);
    for (const className of map.values()) expect(css, className).toContain(`.${className}`);
    const known = new Set(map.values());
    for (const match of css.matchAll(/\.([A-Z]\w*_\w+__[0-9A-Za-z]{5})/g)) {
      expect(known.has(match[1] ?? ""), `${match[1]} in styles.js`).toBe(true);
    }
    for (const name of files.filter((file) => file.endsWith(".js"))) {
      for (const use of read(name).matchAll(/\bcss\.([A-Z]\w*)\.(\w+)/g)) {
        expect(map.has(`${use[1]}.${use[2]}`), `${name}: css.${use[1]}.${use[2]}`).toBe(true);
      }
    }
  });

  it("declares the stable attributes the extension relies on", () => {
    const all = files.map(read).join("\n");
    for (const testid of [
      "interview-room",
      "interview-title",
      "candidate-card",
      "candidate-name",
      "candidate-details",
      "waiting-for-candidate",
      "up-next",
      "queue-item",
      "video-stage",
      "chat",
      "scorecard",
    ]) {
      expect(all.includes(`"data-testid": "${testid}"`) || all.includes(`testid: "${testid}"`), testid).toBe(true);
    }
    expect(all).toContain('"data-format": "one-on-one"');
    expect(all).toContain('"data-format": "group"');
  });
});
