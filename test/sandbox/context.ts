import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxState } from "./state";
import type { CredentialKind } from "./types";

export interface RequestMeta {
  credential: CredentialKind;
  fault?: "error" | "drop";
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
  state: SandboxState;
  meta: RequestMeta;
}
