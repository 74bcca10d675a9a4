import type { Realm } from "./account-store";

/** The realm of this request: the clinic the middleware found in the host, or the platform. */
export function realmOf(requestHeaders: Headers): Realm {
  const subdomain = requestHeaders.get("x-tenant");
  return subdomain ? { kind: "clinic", subdomain } : { kind: "platform" };
}

/** The client's address as the server saw it (Next sets x-forwarded-for), and its browser. */
export function clientOf(requestHeaders: Headers): { ip: string | null; userAgent: string | null } {
  const forwarded = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || null, userAgent: requestHeaders.get("user-agent")?.slice(0, 300) ?? null };
}
