import { type NextRequest, NextResponse } from "next/server";
import { getRootDomain } from "@/lib/config/root-domain";
import { routeRequest } from "@/lib/routing/host";

// No route serves this path, so the app's not-found page renders with status 404.
const NOT_FOUND_PATH = "/__not-found";
const TENANT_HEADER = "x-tenant";

// Dispatches by host only: it must never touch a database (edge runtime).
export function middleware(request: NextRequest): NextResponse {
  // Read per request: Next 16.4 gives middleware the server's runtime env (checked with `next start`).
  const rootDomain = getRootDomain();
  const route = routeRequest({
    host: request.headers.get("host"),
    pathname: request.nextUrl.pathname,
    rootDomain,
  });
  // The tenant header is only ever set here, from the host; a client-sent one is dropped.
  const headers = new Headers(request.headers);
  headers.delete(TENANT_HEADER);

  if (route.kind === "root") return NextResponse.next({ request: { headers } });
  const url = request.nextUrl.clone();
  if (route.kind === "not-found") {
    url.pathname = NOT_FOUND_PATH;
    url.search = "";
    return NextResponse.rewrite(url, { request: { headers } });
  }
  headers.set(TENANT_HEADER, route.subdomain);
  url.pathname = route.rewritePath;
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
