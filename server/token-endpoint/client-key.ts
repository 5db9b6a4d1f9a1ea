/**
 * Which rate-limit bucket a client IP address counts in. Web-standard (no `node:` imports): it runs
 * wherever handler.ts runs.
 *
 * - IPv4 `a.b.c.d` is its own bucket (leading zeros dropped).
 * - IPv4 written as IPv6 (`::ffff:a.b.c.d`, what a dual-stack Node socket reports) is the same bucket
 *   as `a.b.c.d`.
 * - IPv6 counts by its /64 prefix: one subscriber usually holds a whole /64, so counting single
 *   addresses would let one client take billions of buckets.
 * - No address, or something that is not an IP address, shares the one bucket UNKNOWN_CLIENT.
 */

export const UNKNOWN_CLIENT = "unknown";

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function ipv4Octets(text: string): number[] | undefined {
  const match = IPV4.exec(text);
  if (match === null) {
    return undefined;
  }
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

function hexGroups(parts: string[]): number[] | undefined {
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    const octets = index === parts.length - 1 ? ipv4Octets(part) : undefined;
    if (octets !== undefined) {
      const [a = 0, b = 0, c = 0, d = 0] = octets;
      groups.push(a * 256 + b, c * 256 + d);
    } else if (HEX_GROUP.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

/** The eight 16-bit groups of an IPv6 address, or undefined when the text is not one. */
function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) {
    return undefined;
  }
  const [head = "", tail] = halves;
  const headGroups = hexGroups(head === "" ? [] : head.split(":"));
  if (tail === undefined) {
    return headGroups?.length === 8 ? headGroups : undefined;
  }
  const tailGroups = hexGroups(tail === "" ? [] : tail.split(":"));
  if (headGroups === undefined || tailGroups === undefined || headGroups.length + tailGroups.length > 7) {
    return undefined;
  }
  const zeros = new Array<number>(8 - headGroups.length - tailGroups.length).fill(0);
  return [...headGroups, ...zeros, ...tailGroups];
}

/** The rate-limit bucket of a client address (see the module comment). */
export function clientKey(address: string | undefined): string {
  let text = (address ?? "").trim();
  if (text.startsWith("[") && text.endsWith("]")) {
    text = text.slice(1, -1);
  }
  const zone = text.indexOf("%");
  if (zone !== -1) {
    text = text.slice(0, zone);
  }
  const octets = ipv4Octets(text);
  if (octets !== undefined) {
    return octets.join(".");
  }
  const groups = text.includes(":") ? ipv6Groups(text) : undefined;
  if (groups === undefined) {
    return UNKNOWN_CLIENT;
  }
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
