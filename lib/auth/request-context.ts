import { getRootDomain } from "../config/root-domain";
import { type Realm, realmOfHost } from "../routing/host";

/** Where a request came from: its address as the server saw it, and its browser. */
export type RequestClient = { ip: string | null; userAgent: string | null };

/** The realm of this request, from its Host header alone (null: no realm of this platform). */
export function realmOf(requestHeaders: Headers): Realm | null {
  return realmOfHost(requestHeaders.get("host"), getRootDomain());
}

/** The client's address as the server saw it (Next sets x-forwarded-for), and its browser. */
export function clientOf(requestHeaders: Headers): RequestClient {
  const forwarded = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || null, userAgent: requestHeaders.get("user-agent")?.slice(0, 300) ?? null };
}
