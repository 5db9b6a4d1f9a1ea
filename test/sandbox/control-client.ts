import type {
  NewSandboxCandidate,
  NewSandboxJob,
  RequestLogEntry,
  SandboxCandidate,
  SandboxFaults,
  SandboxJob,
  SandboxModes,
  SandboxModesPatch,
} from "./types";

export type {
  NewSandboxCandidate,
  NewSandboxJob,
  RequestLogEntry,
  SandboxApplication,
  SandboxCandidate,
  SandboxFaults,
  SandboxJob,
  SandboxModes,
  SandboxModesPatch,
  Scope,
} from "./types";

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

  /** Seed candidates and jobs again; clear faults, modes, request log and tokens. */
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

  /**
   * Inserts a candidate directly. Applications: `applications`, else one to `primaryJob`, else
   * (hasApplication, default true) one to the generic job "job-general"; hasApplication false: none.
   */
  addCandidate(candidate: NewSandboxCandidate): Promise<SandboxCandidate> {
    return this.json("POST", "/candidates", candidate);
  }

  /** Merges candidate `fromId` into `intoId`: fromId answers 404 afterwards; the survivor (returned) keeps both's tags and applications. */
  mergeCandidate(fromId: string, intoId: string): Promise<SandboxCandidate> {
    return this.json("POST", `/candidates/${encodeURIComponent(fromId)}/merge`, { into: intoId });
  }

  /** Deletes a candidate (its id answers 404 afterwards). */
  async deleteCandidate(id: string): Promise<void> {
    await this.call("DELETE", `/candidates/${encodeURIComponent(id)}`);
  }

  jobs(): Promise<SandboxJob[]> {
    return this.json("GET", "/jobs");
  }

  /** Adds a job (status defaults to SOURCING). */
  addJob(job: NewSandboxJob): Promise<SandboxJob> {
    return this.json("POST", "/jobs", job);
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
  setModes(modes: SandboxModesPatch): Promise<SandboxModes> {
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
