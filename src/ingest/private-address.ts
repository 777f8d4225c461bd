// Which addresses a server-side fetch must not reach on a user's behalf: loopback, private,
// link-local (cloud metadata), unique-local, carrier-grade NAT, multicast and unspecified.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const blocked = new BlockList();
for (const [net, bits] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.168.0.0", 16], ["224.0.0.0", 4], ["240.0.0.0", 4]] as const) {
  blocked.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) {
  blocked.addSubnet(net, bits, "ipv6");
}

/** True when an IP address is not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 0) return false;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is checked as the IPv4 address it maps.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1] as string, "ipv4");
  return blocked.check(address, v === 4 ? "ipv4" : "ipv6");
}

/** The private address a host name resolves to, or null when all its addresses are public. */
export async function privateAddressOf(hostname: string): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return isPrivateAddress(host) ? host : null;
  if (host === "localhost" || host.endsWith(".localhost")) return host;
  const addresses = await lookup(host, { all: true });
  return addresses.find((a) => isPrivateAddress(a.address))?.address ?? null;
}
