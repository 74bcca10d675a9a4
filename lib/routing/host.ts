import { parseSubdomain } from "@/lib/validations/subdomain";

/** Whose a request is: the platform's (the root host) or one clinic's (`<subdomain>.<root>`). */
export type Realm = { kind: "platform" } | { kind: "clinic"; subdomain: string };

export type RequestRoute =
  | { kind: "root" }
  | { kind: "tenant"; subdomain: string; rewritePath: string }
  | { kind: "not-found" };

export type RouteRequestOptions = { host: string | null | undefined; pathname: string; rootDomain: string };

// An allowlist, not a blocklist: any other first segment would reach app/[tenant] directly.
const ROOT_FIRST_SEGMENTS: ReadonlySet<string> = new Set([
  "super",
  "admin",
  "login",
  "logout",
  "account",
  "api",
  "_next",
  "favicon.ico",
  "robots.txt",
]);

const PLATFORM_ONLY_SEGMENTS: ReadonlySet<string> = new Set(["super", "admin"]);

// The host must equal rootDomain (port included) or be exactly one label in front of it;
// 127.0.0.1 is not an alias of localhost, so server-side tests send a Host header.
export function routeRequest({ host, pathname, rootDomain }: RouteRequestOptions): RequestRoute {
  const label = hostLabel(host, rootDomain);
  if (label === null || !pathname.startsWith("/")) return { kind: "not-found" };
  return label === "" ? routeRootPath(pathname) : routeTenantPath(label, pathname);
}

/**
 * The realm a Host header names, or null for any other host. Pages, actions and sign-in all take
 * the clinic from here (never from a header a client could send), the same way the middleware does.
 */
export function realmOfHost(host: string | null | undefined, rootDomain: string): Realm | null {
  const label = hostLabel(host, rootDomain);
  if (label === null) return null;
  if (label === "") return { kind: "platform" };
  const parsed = parseSubdomain(label);
  return parsed.ok ? { kind: "clinic", subdomain: parsed.subdomain } : null;
}

/** Whether the host is a clinic's address, `<label>.<root>`, whether or not a clinic has it. */
export function isClinicAddress(host: string | null | undefined, rootDomain: string): boolean {
  return Boolean(hostLabel(host, rootDomain));
}

/** "" for the root host itself, the label in front of it for `<label>.<root>`, null otherwise. */
function hostLabel(host: string | null | undefined, rootDomain: string): string | null {
  const normalizedHost = host?.trim().toLowerCase() ?? "";
  const root = rootDomain.trim().toLowerCase();
  if (normalizedHost === "" || root === "") return null;
  if (normalizedHost === root) return "";
  if (!normalizedHost.endsWith(`.${root}`)) return null;
  return normalizedHost.slice(0, -(root.length + 1)) || null;
}

function routeRootPath(pathname: string): RequestRoute {
  if (pathname === "/") return { kind: "root" };
  return ROOT_FIRST_SEGMENTS.has(getFirstSegment(pathname)) ? { kind: "root" } : { kind: "not-found" };
}

function routeTenantPath(label: string, pathname: string): RequestRoute {
  // parseSubdomain refuses dots, so a.b.<root> never gets here as a tenant.
  const parsed = parseSubdomain(label);
  if (!parsed.ok) return { kind: "not-found" };
  const firstSegment = getFirstSegment(pathname);
  if (PLATFORM_ONLY_SEGMENTS.has(firstSegment)) return { kind: "not-found" };
  // Static assets are shared by every host and carry no tenant.
  if (firstSegment === "_next") return { kind: "root" };
  const rewritePath = pathname === "/" ? `/${parsed.subdomain}` : `/${parsed.subdomain}${pathname}`;
  return { kind: "tenant", subdomain: parsed.subdomain, rewritePath };
}

function getFirstSegment(pathname: string): string {
  return pathname.split("/")[1] ?? "";
}
