import { describe, expect, it, vi } from "vitest";
import { createSearchCache } from "./search-cache";

const ann = { id: "a", firstName: "Ann", lastName: "O'Neil", email: "ann@example.com", tags: [] };

describe("createSearchCache", () => {
  it("shares one in-flight search per email and reuses its result", async () => {
    const search = vi.fn(async () => [ann]);
    const cache = createSearchCache(search, { ttlMs: 60_000 });
    const [a, b] = await Promise.all([cache.search("ann@example.com"), cache.search(" ANN@example.com ")]);
    expect(a).toEqual([ann]);
    expect(b).toEqual([ann]);
    await cache.search("ann@example.com");
    expect(search).toHaveBeenCalledTimes(1);
  });

  it("searches again after the time to live, after forget, and after a failure", async () => {
    let clock = 0;
    const search = vi.fn(async () => [ann]);
    const cache = createSearchCache(search, { ttlMs: 1000, now: () => clock });
    await cache.search("ann@example.com");
    clock = 1500;
    await cache.search("ann@example.com");
    cache.forget("ann@example.com");
    await cache.search("ann@example.com");
    expect(search).toHaveBeenCalledTimes(3);

    const failing = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValue([ann]);
    const retrying = createSearchCache(failing, { ttlMs: 1000 });
    await expect(retrying.search("ann@example.com")).rejects.toThrow("offline");
    await expect(retrying.search("ann@example.com")).resolves.toEqual([ann]);
  });

  it("keeps cached results true after a tag change", async () => {
    const search = vi.fn(async () => [ann]);
    const cache = createSearchCache(search, { ttlMs: 60_000 });
    await cache.search("ann@example.com");
    await cache.updateTags("a", ["hellohire - csr - yes"]);
    expect((await cache.search("ann@example.com"))[0]?.tags).toEqual(["hellohire - csr - yes"]);
    expect(search).toHaveBeenCalledTimes(1);
  });
});
