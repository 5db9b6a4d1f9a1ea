import type { NewSandboxCandidate, RequestLogEntry, SandboxCandidate, SandboxFaults, SandboxModes } from "./types";

export type { NewSandboxCandidate, RequestLogEntry, SandboxCandidate, SandboxFaults, SandboxModes } from "./types";

export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`Sandbox control ${what} failed with ${status}: ${body}`);
    this.name = "SandboxControlError";
  }
}

/** A typed client over the sandbox's control API (/__control/). */
export class SandboxControl {
  private readonly baseUrl: string;

  constructor(url: string) {
    this.baseUrl = url.replace(/\/+$/, "");
  }

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.headers = { "Content-Type": "application/json" };
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}/__control${path}`, init);
    if (!response.ok) {
      throw new SandboxControlError(response.status, await response.text(), `${method} ${path}`);
    }
    return response;
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.call(method, path, body);
    return (await response.json()) as T;
  }

  /** Seed data again; clear faults, modes, request log and tokens. */
  async reset(): Promise<void> {
    await this.call("POST", "/reset");
  }

  candidates(): Promise<SandboxCandidate[]> {
    return this.json("GET", "/candidates");
  }

  /** undefined when there is no such candidate. */
  async candidate(id: string): Promise<SandboxCandidate | undefined> {
    try {
      return await this.json<SandboxCandidate>("GET", `/candidates/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof SandboxControlError && error.status === 404) {
        return undefined;
      }
      throw error;
    }
  }

  async tags(id: string): Promise<string[]> {
    const body = await this.json<{ tags: string[] }>("GET", `/candidates/${encodeURIComponent(id)}/tags`);
    return body.tags;
  }

  /** Inserts a candidate directly (hasApplication defaults to true). */
  addCandidate(candidate: NewSandboxCandidate): Promise<SandboxCandidate> {
    return this.json("POST", "/candidates", candidate);
  }

  faults(): Promise<SandboxFaults> {
    return this.json("GET", "/faults");
  }

  /** Replaces the faults: fields left out take their defaults (`{}` clears all). */
  setFaults(faults: Partial<SandboxFaults>): Promise<SandboxFaults> {
    return this.json("POST", "/faults", faults);
  }

  modes(): Promise<SandboxModes> {
    return this.json("GET", "/modes");
  }

  /** Changes only the given modes. */
  setModes(modes: Partial<SandboxModes>): Promise<SandboxModes> {
    return this.json("POST", "/modes", modes);
  }

  requests(): Promise<RequestLogEntry[]> {
    return this.json("GET", "/requests");
  }

  async clearRequests(): Promise<void> {
    await this.call("DELETE", "/requests");
  }

  /** Invalidates every access and refresh token. */
  async revoke(): Promise<void> {
    await this.call("POST", "/revoke");
  }
}
