import { isIP } from "node:net";
import { getRootDomain } from "../config/root-domain";
import { type Realm, realmOfHost } from "../routing/host";

/** Where a request came from: its address as the server saw it, and its browser. */
export type RequestClient = { ip: string | null; userAgent: string | null };

// Set in the process by the app server (scripts/serve.ts), which overwrites X-Forwarded-For on every request.
const CLIENT_ADDRESS_WRITTEN = Symbol.for("clinic-platform.client-address-written");
type Marked = { [CLIENT_ADDRESS_WRITTEN]?: boolean };

/** Called by the app server once it rewrites X-Forwarded-For to the client address it computed. */
export function markClientAddressWritten(): void {
  (globalThis as Marked)[CLIENT_ADDRESS_WRITTEN] = true;
}

/** The realm of this request, from its Host header alone (null: no realm of this platform). */
export function realmOf(requestHeaders: Headers): Realm | null {
  return realmOfHost(requestHeaders.get("host"), getRootDomain());
}

/** The client's address (for throttling and audit rows), and its browser. */
export function clientOf(requestHeaders: Headers): RequestClient {
  return {
    ip: clientAddressOf(requestHeaders),
    userAgent: requestHeaders.get("user-agent")?.slice(0, 300) ?? null,
  };
}

let warnedUnknownAddress = false;

/**
 * The single address the app server wrote in X-Forwarded-For. Under bare `next start` that header
 * is whatever the client sent, so the address is unknown rather than forged.
 */
function clientAddressOf(requestHeaders: Headers): string | null {
  if (!(globalThis as Marked)[CLIENT_ADDRESS_WRITTEN]) {
    if (!warnedUnknownAddress) {
      warnedUnknownAddress = true;
      console.warn("client addresses are unknown: run the app with `npm start`, not `next start`.");
    }
    return null;
  }
  const address = requestHeaders.get("x-forwarded-for")?.trim() ?? "";
  return isIP(address) ? address : null;
}
