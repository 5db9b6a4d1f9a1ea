import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxState } from "./state";
import type { CredentialKind, FaultKind, SandboxOrigin } from "./types";

export interface RequestMeta {
  credential: CredentialKind;
  fault?: FaultKind;
}

/** One request, its already-read body, and the sandbox it reached. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  path: string;
  body: Buffer;
  /** Origin the client used to reach the sandbox (for links in responses). */
  origin: string;
  /** The listener reached: the API's or the web app's (authorization and profile pages). */
  listener: SandboxOrigin;
  state: SandboxState;
  meta: RequestMeta;
}
