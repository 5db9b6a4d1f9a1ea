import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { pickingIn, setPicking, watchPicking } from "./tab-setup";

beforeEach(() => {
  fakeBrowser.reset();
});

describe("where Set up this page is at, per tab", () => {
  it("is nowhere in a tab that never started it", async () => {
    expect(await pickingIn(7)).toBeNull();
  });

  it("follows each tab's step on its own, and null ends it in that tab only", async () => {
    await setPicking(1, "name");
    await setPicking(2, "email");
    await setPicking(1, "firstName");
    expect(await pickingIn(1)).toBe("firstName");
    expect(await pickingIn(2)).toBe("email");
    await setPicking(1, null);
    expect(await pickingIn(1)).toBeNull();
    expect(await pickingIn(2)).toBe("email");
  });

  it("ending it in a tab where it was not running changes nothing", async () => {
    await setPicking(3, "lastName");
    await setPicking(4, null);
    expect(await pickingIn(3)).toBe("lastName");
    expect(await pickingIn(4)).toBeNull();
  });

  it("tells a watcher when a step changes", async () => {
    let changes = 0;
    const stop = watchPicking(() => {
      changes++;
    });
    await setPicking(1, "name");
    await expect.poll(() => changes).toBeGreaterThan(0);
    stop();
  });
});
