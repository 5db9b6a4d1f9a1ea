import { describe, expect, it } from "vitest";
import type { CandidateDetailsResponse, Request } from "../../lib/messaging/protocol";
import { createPanelStore } from "./store";
import { annDetails, annFound, quietBackend } from "./test-fixtures";

describe("the side panel's store", () => {
  it("shows the candidate as the latest read has them, when an earlier read answers after it", async () => {
    const answers: ((details: CandidateDetailsResponse) => void)[] = [];
    const send = ((request: Request) =>
      request.type === "candidateDetails"
        ? new Promise<CandidateDetailsResponse>((resolve) => answers.push(resolve))
        : Promise.resolve({ status: "ok" })) as Parameters<typeof quietBackend>[0];
    const store = createPanelStore(quietBackend(send));
    const before = store.getState().loadCandidate();
    const after = store.getState().loadCandidate();
    answers[1]?.(annDetails({ ...annFound, rating: "yes" }));
    await after;
    answers[0]?.(annDetails({ ...annFound, rating: null }));
    await before;
    const shown = store.getState().candidate;
    expect(shown?.status === "ok" && "rating" in shown.match ? shown.match.rating : undefined).toBe("yes");
  });
});
