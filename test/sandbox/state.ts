import { seedCandidates, seedJobs } from "../shared/people";
import { FaultInjector } from "./faults";
import { JobStore } from "./jobstore";
import { defaultModes } from "./modes";
import { RateLimiter } from "./ratelimit";
import { RequestLog } from "./requestlog";
import { CandidateStore } from "./store";
import { TokenStore } from "./tokens";
import type { SandboxModes } from "./types";

/** Everything one running sandbox remembers. */
export class SandboxState {
  readonly candidates = new CandidateStore(seedCandidates);
  readonly jobs = new JobStore(seedJobs);
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  readonly tokens = new TokenStore();
  readonly limiter = new RateLimiter();
  modes: SandboxModes = defaultModes();

  /** Seed candidates and jobs again; clear faults, modes, request log, tokens and rate-limit windows. */
  reset(): void {
    this.candidates.reset();
    this.jobs.reset();
    this.faults.reset();
    this.log.clear();
    this.tokens.reset();
    this.limiter.reset();
    this.modes = defaultModes();
  }
}
