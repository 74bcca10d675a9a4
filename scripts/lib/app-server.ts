import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { isIP } from "node:net";
import proxyAddr from "proxy-addr";
import { z } from "zod";
import { ConfigError } from "../../lib/errors";

type TrustProxy = (address: string, hop: number) => boolean;

// proxy-addr's names for the loopback, link-local and private ranges.
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

const trustedProxiesSchema = z.array(
  z.string().refine((entry) => NAMED_RANGES.has(entry) || isAddressOrRange(entry)),
);

function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** TRUSTED_PROXIES: comma-separated addresses and CIDR ranges of the proxies in front (unset: none). */
export function parseTrustedProxies(value: string | undefined): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const parsed = trustedProxiesSchema.safeParse(entries);
  if (parsed.success) return parsed.data;
  const bad = entries[Number(parsed.error.issues[0]?.path[0])];
  throw new ConfigError(
    `TRUSTED_PROXIES: "${bad}" is not an IP address or CIDR range. List the addresses of the proxies in front of the app, comma-separated (e.g. 10.0.0.5, 10.0.0.0/8, loopback), or leave it unset when clients connect directly.`,
  );
}

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) as `127.0.0.1`. */
function plainAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy; then the right-most
 * X-Forwarded-For entry that is not one (what the first trusted proxy saw).
 */
export function clientAddressOf(request: IncomingMessage, trust: TrustProxy): string | null {
  const peer = request.socket.remoteAddress;
  if (!peer) return null;
  const address = plainAddress(proxyAddr(request, trust));
  // A trusted proxy that forwarded something other than an address: the proxy is all we know.
  return isIP(address) ? address : plainAddress(peer);
}

/**
 * What the app may believe of a request: X-Forwarded-For becomes the one client address computed
 * here (lib/auth/request-context reads nothing else), and the forwarded host, protocol and port
 * count only when a trusted proxy sent them.
 */
function rewriteForwardedHeaders(request: IncomingMessage, trust: TrustProxy): void {
  const address = clientAddressOf(request, trust);
  if (address) request.headers["x-forwarded-for"] = address;
  else delete request.headers["x-forwarded-for"];
  const peer = request.socket.remoteAddress;
  if (peer && trust(peer, 0)) return;
  delete request.headers["x-forwarded-host"];
  delete request.headers["x-forwarded-proto"];
  delete request.headers["x-forwarded-port"];
  delete request.headers.forwarded;
}

/** The HTTP server in front of Next: every request reaches `handle` with its forwarding headers rewritten. */
export function createAppServer(options: {
  trustedProxies: string[];
  handle: (request: IncomingMessage, response: ServerResponse) => unknown;
}): http.Server {
  const trust = proxyAddr.compile(options.trustedProxies);
  return http.createServer(async (request, response) => {
    rewriteForwardedHeaders(request, trust);
    try {
      await options.handle(request, response);
    } catch (error) {
      console.error(`[server] request failed: ${error instanceof Error ? error.name : "error"}`);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    }
  });
}
