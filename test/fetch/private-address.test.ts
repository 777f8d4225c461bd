// The server refuses to fetch private and local addresses for its users (SSRF guard).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUrl } from "../../src/ingest/fetch-url.js";
import { isPrivateAddress, privateAddressOf } from "../../src/ingest/private-address.js";
import { makeLedger, type Ledger } from "../api/helpers.js";

describe("private addresses", () => {
  it("knows loopback, private, link-local, unique-local and mapped addresses from public ones", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.10", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("judges IPv6 addresses that carry an IPv4 one by that address, in every notation", () => {
    const local = [
      "::ffff:127.0.0.1", "::ffff:7f00:1", "::FFFF:7F00:0001", "0:0:0:0:0:ffff:7f00:1", "0000:0000:0000:0000:0000:ffff:127.0.0.1",
      "::ffff:a9fe:a9fe", "::ffff:0:127.0.0.1", "::127.0.0.1", "::7f00:1", "64:ff9b::7f00:1", "64:ff9b::10.0.0.1", "2002:7f00:1::", "2002:c0a8:101::1", "::ffff:c0a8:1", "fe80::1%eth0",
    ];
    for (const a of local) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["::ffff:8.8.8.8", "::ffff:808:808", "64:ff9b::808:808", "2002:808:808::1", "2001:db8::7f00:1"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("resolves host names before judging them", async () => {
    expect(await privateAddressOf("localhost")).toBe("localhost");
    expect(await privateAddressOf("[::1]")).toBe("::1");
    expect(await privateAddressOf("8.8.8.8")).toBeNull();
  });
});

describe("fetching with the guard", () => {
  let server: ReturnType<typeof createServer>;
  let base: string;
  let L: Ledger;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end("At least 5 people were executed in 2020."));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    L = await makeLedger();
  });
  afterAll(async () => {
    server.close();
    await L.close();
  });

  it("refuses loopback written as an IPv4-mapped IPv6 address, as the URL parser rewrites it", async () => {
    const port = new URL(base).port;
    for (const host of ["[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "[::ffff:0:127.0.0.1]", "[64:ff9b::127.0.0.1]"]) {
      await expect(fetchUrl(`http://${host}:${port}/`, { blockPrivate: true }), host).rejects.toThrow(/private or local address/);
    }
  });

  it("refuses a local URL when asked to, and fetches it otherwise (the CLI's operator may)", async () => {
    await expect(fetchUrl(base, { blockPrivate: true })).rejects.toThrow(/private or local address \(127\.0\.0\.1\)/);
    expect((await fetchUrl(base)).status).toBe(200);
  });

  it("keeps the web server's users from making it fetch local services", async () => {
    const r = await L.app.request("/api/v1/ingest/url", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url: base }) });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/private or local address/);
  });
});
