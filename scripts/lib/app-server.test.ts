import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../lib/errors";
import { createAppServer, parseTrustedProxies } from "./app-server";

/** What the app behind the server received: the forwarding headers after the server rewrote them. */
type Seen = { forwardedFor?: string; forwardedHost?: string; forwardedProto?: string; host?: string };

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The app server in front of a stand-in app that echoes the headers it got, on a port of its own. */
async function startServer(trustedProxies?: string): Promise<number> {
  const server = createAppServer({
    trustedProxies: parseTrustedProxies(trustedProxies),
    handle: (request, response) => {
      const seen: Seen = {
        forwardedFor: request.headers["x-forwarded-for"] as string | undefined,
        forwardedHost: request.headers["x-forwarded-host"] as string | undefined,
        forwardedProto: request.headers["x-forwarded-proto"] as string | undefined,
        host: request.headers.host,
      };
      response.end(JSON.stringify(seen));
    },
  });
  servers.push(server);
  // On every interface, as the real server listens: an IPv4 peer then shows as ::ffff:127.0.0.1.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return (server.address() as AddressInfo).port;
}

function send(port: number, headers: Record<string, string>): Promise<Seen> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", headers }, (response) => {
        let body = "";
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => resolve(JSON.parse(body) as Seen));
      })
      .on("error", reject);
  });
}

describe("the client address the app server hands to the app", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For the client sends", async () => {
    const port = await startServer();
    await expect(send(port, { "x-forwarded-for": "198.51.100.23" })).resolves.toMatchObject({
      forwardedFor: "127.0.0.1",
    });
    await expect(send(port, { "x-forwarded-for": "198.51.100.23, 10.0.0.1" })).resolves.toMatchObject({
      forwardedFor: "127.0.0.1",
    });
  });

  it("is the TCP peer when the peer is not one of the trusted proxies", async () => {
    const port = await startServer("10.0.0.0/8");
    await expect(send(port, { "x-forwarded-for": "198.51.100.23" })).resolves.toMatchObject({
      forwardedFor: "127.0.0.1",
    });
  });

  it("is the right-most untrusted X-Forwarded-For entry behind a chain of trusted proxies", async () => {
    const port = await startServer("127.0.0.1, 10.0.0.0/8");
    // The client forged the first entry; the edge proxy appended the real client, the inner one the edge.
    const chain = "203.0.113.99, 198.51.100.23, 10.1.2.3";
    await expect(send(port, { "x-forwarded-for": chain })).resolves.toMatchObject({
      forwardedFor: "198.51.100.23",
    });
  });

  it("is the trusted peer itself when it forwards no address, or one that is not an address", async () => {
    const port = await startServer("loopback");
    await expect(send(port, {})).resolves.toMatchObject({ forwardedFor: "127.0.0.1" });
    await expect(send(port, { "x-forwarded-for": "not-an-address" })).resolves.toMatchObject({
      forwardedFor: "127.0.0.1",
    });
  });

  it("drops X-Forwarded-Host and X-Forwarded-Proto an untrusted peer sends", async () => {
    const port = await startServer();
    const seen = await send(port, {
      host: "maple.localhost:3000",
      "x-forwarded-host": "harbor.localhost:3000",
      "x-forwarded-proto": "https",
    });
    expect(seen).toEqual({ forwardedFor: "127.0.0.1", host: "maple.localhost:3000" });
  });

  it("keeps X-Forwarded-Host and X-Forwarded-Proto from a trusted proxy", async () => {
    const port = await startServer("127.0.0.1");
    const seen = await send(port, {
      host: "maple.clinics.example",
      "x-forwarded-for": "198.51.100.23",
      "x-forwarded-host": "maple.clinics.example",
      "x-forwarded-proto": "https",
    });
    expect(seen).toEqual({
      forwardedFor: "198.51.100.23",
      forwardedHost: "maple.clinics.example",
      forwardedProto: "https",
      host: "maple.clinics.example",
    });
  });
});

describe("TRUSTED_PROXIES", () => {
  it("trusts no proxy when unset or empty", () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies(" ")).toEqual([]);
  });

  it("takes comma-separated addresses, CIDR ranges and proxy-addr's named ranges", () => {
    expect(parseTrustedProxies("10.0.0.1, 10.0.0.0/8,fd00::/8 , loopback")).toEqual([
      "10.0.0.1",
      "10.0.0.0/8",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("refuses an entry that is not an address or range, naming it and saying what to write", () => {
    for (const bad of ["10.0.0.0/33", "10.0.0.300", "nginx.internal", "10.0.0.0/8/1", "::1/129"]) {
      const parse = () => parseTrustedProxies(`127.0.0.1, ${bad}`);
      expect(parse).toThrow(ConfigError);
      expect(parse).toThrow(`TRUSTED_PROXIES: "${bad}" is not an IP address or CIDR range`);
    }
  });
});
