import { type NextRequest, NextResponse } from "next/server";
import { getRootDomain } from "@/lib/config/root-domain";
import { routeRequest } from "@/lib/routing/host";

// No route serves this path, so the app's not-found page renders with status 404.
const NOT_FOUND_PATH = "/__not-found";

/**
 * Dispatches by host only: it must never touch a database (edge runtime). It forwards no header
 * of its own: pages and actions take the clinic from the Host header themselves (lib/routing).
 */
export function middleware(request: NextRequest): NextResponse {
  // Read per request: Next 16.4 gives middleware the server's runtime env (checked with `next start`).
  const route = routeRequest({
    host: request.headers.get("host"),
    pathname: request.nextUrl.pathname,
    rootDomain: getRootDomain(),
  });
  if (route.kind === "root") return NextResponse.next();
  const url = request.nextUrl.clone();
  if (route.kind === "not-found") {
    url.pathname = NOT_FOUND_PATH;
    url.search = "";
    return NextResponse.rewrite(url);
  }
  url.pathname = route.rewritePath;
  return NextResponse.rewrite(url);
}

export const config = {
  // Skips exactly the build's assets, the image optimizer and the favicon: a look-alike path such
  // as /favicon.icox or /_next/staticfoo could reach a page. Next matches this against the path
  // alone (no query), case-sensitively.
  matcher: ["/((?!_next/static/|_next/image$|favicon\\.ico$).*)"],
};
