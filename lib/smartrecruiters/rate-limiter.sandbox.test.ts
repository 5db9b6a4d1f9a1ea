// @vitest-environment node
import { describe, expect, it } from "vitest";
import { SANDBOX_API_KEY } from "../../test/sandbox/credentials";
import { seedCandidates } from "../../test/shared/people";
import { useSandbox } from "../sync/sandbox-test-helpers";
import { createClient, emailQuery } from "./client";
import { createRateLimiter } from "./rate-limiter";

describe("the client within SmartRecruiters' enforced limits (sandbox)", () => {
  const sandbox = useSandbox();
  const control = () => sandbox.control;

  it("sends 24 concurrent calls with zero 429s, at close to 10 requests per second", async () => {
    const client = createClient({ apiBaseUrl: sandbox.url, credential: { kind: "apiKey", apiKey: SANDBOX_API_KEY } });
    const ann = seedCandidates[0]?.id as string;
    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: 8 }, () => client.searchCandidates(emailQuery("ann.oneil@example.com"))),
      ...Array.from({ length: 16 }, () => client.getTags(ann)),
    ]);
    const seconds = (Date.now() - started) / 1000;
    const log = await control().requests();
    expect(log.filter((entry) => entry.status === 429)).toEqual([]);
    expect(log).toHaveLength(24);
    expect(seconds).toBeGreaterThan(1.9);
    expect(seconds).toBeLessThan(3.5);
  });

  it("waits out a 429 and sends the call again", async () => {
    const limiter = createRateLimiter();
    const client = createClient({ apiBaseUrl: sandbox.url, credential: { kind: "apiKey", apiKey: SANDBOX_API_KEY }, limiter });
    await control().setFaults({ nextErrors: [429] });
    const started = Date.now();
    await expect(client.getTags(seedCandidates[0]?.id as string)).resolves.toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await control().requests()).map((entry) => entry.status)).toEqual([429, 200]);
  });
});
