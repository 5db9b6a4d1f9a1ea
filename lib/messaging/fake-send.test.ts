import { describe, expect, it, vi } from "vitest";
import { fakeSend } from "./fake-send";

describe("fakeSend", () => {
  it("answers each message from its type's answer, after telling who watches", async () => {
    const seen = vi.fn();
    const send = fakeSend({ rate: (request) => ({ status: "saved", rating: request.rating }) }, seen);
    expect(
      await send({
        type: "rate",
        interviewName: "CSR",
        candidate: { firstName: "Ann", lastName: "Lee", email: "ann@example.com" },
        rating: "no",
      }),
    ).toEqual({
      status: "saved",
      rating: "no",
    });
    expect(seen).toHaveBeenCalledWith({
      type: "rate",
      interviewName: "CSR",
      candidate: { firstName: "Ann", lastName: "Lee", email: "ann@example.com" },
      rating: "no",
    });
  });

  it("fails a message nobody answers, as the browser does", async () => {
    await expect(fakeSend({})({ type: "getStatus" })).rejects.toThrow("Receiving end does not exist");
  });
});
