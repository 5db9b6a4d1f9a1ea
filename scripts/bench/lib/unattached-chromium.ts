/**
 * A Chromium with the test build loaded and a DevTools port, but no DevTools client attached while
 * a page loads. Playwright attaches to every new page (and holds it until it has set the page up),
 * which made the side panel's own load look 60–80 ms slower than it is. Here pages are opened
 * through the DevTools HTTP endpoint (`PUT /json/new`), which attaches nothing; read a page
 * afterwards with `inspect()`, which connects Playwright only for that read.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { assertChromium, chromiumFlags, chromiumPath } from "../../../test/e2e/chromium";
import { extensionPath } from "../../../test/e2e/extension";
import { sleep } from "./stats";

interface Target {
  id: string;
  type: string;
  url: string;
}

export interface UnattachedChromium {
  /** Opens `url` in a new tab; returns the tab's target ID. */
  open(url: string): Promise<string>;
  /** Connects Playwright to the browser, runs `read` on the tab with `targetUrl`, disconnects. */
  inspect<T>(targetUrl: string, read: (page: Page) => Promise<T>): Promise<T>;
  closeTab(targetId: string): Promise<void>;
  targets(): Promise<Target[]>;
  close(): Promise<void>;
}

function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not open its DevTools port within 20 s:\n${output.slice(-2000)}`)),
      20_000,
    );
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/[^\s]+)/u.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before opening its DevTools port:\n${output.slice(-2000)}`));
    });
  });
}

export async function launchUnattachedChromium(): Promise<UnattachedChromium> {
  assertChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), "srh-bench-unattached-"));
  const child = spawn(
    chromiumPath,
    [
      ...chromiumFlags,
      "--headless=new",
      "--window-size=1280,800",
      "--remote-debugging-port=0",
      `--user-data-dir=${userDataDir}`,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    // Chromium's helper processes may still be writing the profile for a moment after it exits.
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    const webSocket = await devToolsEndpoint(child);
    const http = `http://${new URL(webSocket).host}`;
    const json = async <T>(path: string, method = "GET"): Promise<T> => {
      const response = await fetch(`${http}${path}`, { method });
      if (!response.ok) throw new Error(`DevTools ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    return {
      async open(url) {
        return (await json<Target>(`/json/new?${url}`, "PUT")).id;
      },
      async inspect(targetUrl, read) {
        const browser = await chromium.connectOverCDP(http);
        try {
          const page = browser
            .contexts()
            .flatMap((context) => context.pages())
            .find((candidate) => candidate.url() === targetUrl);
          if (!page) throw new Error(`no tab with ${targetUrl}`);
          return await read(page);
        } finally {
          await browser.close();
        }
      },
      async closeTab(targetId) {
        await fetch(`${http}/json/close/${targetId}`);
      },
      targets: () => json<Target[]>("/json/list"),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
