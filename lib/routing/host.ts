import { parseSubdomain } from "@/lib/validations/subdomain";

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
  const normalizedHost = host?.trim().toLowerCase() ?? "";
  const root = rootDomain.trim().toLowerCase();
  if (normalizedHost === "" || root === "" || !pathname.startsWith("/")) return { kind: "not-found" };
  if (normalizedHost === root) return routeRootPath(pathname);
  if (!normalizedHost.endsWith(`.${root}`)) return { kind: "not-found" };
  return routeTenantPath(normalizedHost.slice(0, -(root.length + 1)), pathname);
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
