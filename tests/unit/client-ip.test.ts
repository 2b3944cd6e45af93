import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp, installPeerAddressHeader, PEER_ADDRESS_HEADER } from "@/lib/client-ip";

const from = (peer: string, forwardedFor?: string) =>
  new Headers({
    [PEER_ADDRESS_HEADER]: peer,
    ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
  });

describe("the client address", () => {
  it("is the connection's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientIp(from("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(from("203.0.113.7", "198.51.100.1"), 0)).toBe("203.0.113.7");
  });

  it("behind one trusted proxy, is what that proxy appended, not what the client wrote before it", () => {
    expect(clientIp(from("10.0.0.2", "198.51.100.1"), 1)).toBe("198.51.100.1");
    expect(clientIp(from("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.1"), 1)).toBe("198.51.100.1");
  });

  it("behind two trusted proxies, is the second address from the end", () => {
    expect(clientIp(from("10.0.0.2", "1.1.1.1, 198.51.100.1, 10.0.0.9"), 2)).toBe("198.51.100.1");
    expect(clientIp(from("10.0.0.2", "198.51.100.1"), 2)).toBe("198.51.100.1");
  });

  it("falls back to the peer when the trusted header is missing or holds no address", () => {
    expect(clientIp(from("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientIp(from("10.0.0.2", "unknown"), 1)).toBe("10.0.0.2");
    expect(clientIp(new Headers(), 0)).toBe("unknown");
  });

  it("reads IPv4-mapped, bracketed and ported forms, and counts IPv6 by its /64", () => {
    expect(clientIp(from("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(from("10.0.0.2", "198.51.100.1:51234"), 1)).toBe("198.51.100.1");
    expect(clientIp(from("10.0.0.2", "[2001:db8:1:2:3:4:5:6]:443"), 1)).toBe("2001:db8:1:2::/64");
    expect(clientIp(from("2001:db8:1:2::99"), 0)).toBe("2001:db8:1:2::/64");
    expect(clientIp(from("2001:0db8:0001:0002:ffff::1"), 0)).toBe(clientIp(from("2001:db8:1:2:aaaa::2"), 0));
    expect(clientIp(from("::1"), 0)).toBe("0:0:0:0::/64");
  });
});

describe("the peer address header", () => {
  it("carries the connection's address into every request, replacing one a client sent", async () => {
    installPeerAddressHeader();
    const server = createServer((incoming, outgoing) => outgoing.end(String(incoming.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = await new Promise<string>((resolve, reject) => {
        const outgoing = request(
          { host: "127.0.0.1", port, localAddress: "127.0.0.42", headers: { [PEER_ADDRESS_HEADER]: "198.51.100.1" } },
          (incoming) => {
            let body = "";
            incoming.on("data", (chunk: Buffer) => (body += chunk.toString()));
            incoming.on("end", () => resolve(body));
          },
        );
        outgoing.on("error", reject);
        outgoing.end();
      });
      expect(seen).toBe("127.0.0.42");
    } finally {
      server.close();
    }
  });
});
