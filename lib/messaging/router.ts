import { connectionStatus, connectWithApiKey, disconnect } from "../auth/connection";
import { failure, lookup, rate } from "../sync/service";
import { type Failure, isContentRequest, parseRequest, type Request } from "./protocol";
import { type SenderInfo, senderRole, type TrustedSenders } from "./sender";

const refused = (message: string): Failure => ({ status: "error", kind: "forbidden", message });

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case "lookup":
      return lookup(request.interviewName, request.candidate);
    case "rate":
      return rate(request.candidateId, request.interviewName, request.rating);
    case "getStatus":
      return { status: "ok", connection: await connectionStatus() };
    case "connectApiKey":
      try {
        return { status: "ok", connection: await connectWithApiKey(request) };
      } catch (error) {
        return failure(error);
      }
    case "disconnect":
      return { status: "ok", connection: await disconnect() };
  }
}

/**
 * Answers a runtime message: only our own pages, and our content script on allowed Hellohire pages
 * (for lookups and ratings only). Everything else is refused without touching any state.
 */
export async function route(message: unknown, sender: SenderInfo, trusted: TrustedSenders): Promise<unknown> {
  const role = senderRole(sender, trusted);
  if (!role) return refused("Unknown sender.");
  const request = parseRequest(message);
  if (!request) return { status: "error", kind: "invalid-request", message: "Malformed request." } satisfies Failure;
  if (role === "content-script" && !isContentRequest(request)) return refused("Not allowed from a web page.");
  return handle(request);
}
