// @vitest-environment node

import { describe, expect, it } from "vitest";
import { clientKey, UNKNOWN_CLIENT } from "./client-key";

describe("clientKey", () => {
  it("keeps an IPv4 address as it is, without leading zeros", () => {
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey(" 203.000.113.007 ")).toBe("203.0.113.7");
  });

  it("counts IPv4 written as IPv6 (a dual-stack socket) as the IPv4 address", () => {
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::FFFF:cb00:7107")).toBe("203.0.113.7");
    expect(clientKey("0:0:0:0:0:ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts IPv6 by its /64, however it is written", () => {
    const key = clientKey("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe(key);
    expect(clientKey("[2001:db8:1:2::99]")).toBe(key);
    expect(clientKey("2001:db8:1:2::1%eth0")).toBe(key);
    expect(clientKey("2001:db8:1:3::1")).not.toBe(key);
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
  });

  it.each([
    undefined,
    "",
    "   ",
    "not an address",
    "256.1.1.1",
    "1.2.3",
    "2001:db8::1::2",
    "1:2:3:4:5:6:7:8:9",
    "12345::1",
    "fe80::g",
  ])("puts %j in the shared unknown bucket", (address) => {
    expect(clientKey(address)).toBe(UNKNOWN_CLIENT);
  });
});
