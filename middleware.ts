import { type NextRequest, NextResponse } from "next/server";
import { getRootDomain, rootProtocol } from "@/lib/config/root-domain";
import { PDF_CONTENT_SECURITY_POLICY } from "@/lib/documents/pdf/pdf-policy";
import { type RequestRoute, realmOfHost, routeRequest } from "@/lib/routing/host";
import {
  buildContentSecurityPolicy,
  contentSecurityPolicyHeaderName,
  createNonce,
} from "@/lib/security/content-security-policy";
import { isCrossOriginActionCall } from "@/lib/security/cross-origin-action";

// No route serves this path, so the app's not-found page renders with status 404.
const NOT_FOUND_PATH = "/__not-found";

/**
 * Dispatches by host only: it must never touch a database (edge runtime). The only headers it
 * hands the app are the page's Content-Security-Policy and its nonce (Next puts the nonce on its
 * scripts); pages and actions take the clinic from the Host header themselves (lib/routing).
 */
export function middleware(request: NextRequest): NextResponse {
  // Read per request: Next 16.4 gives middleware the server's runtime env (checked with `next start`).
  const rootDomain = getRootDomain();
  const host = request.headers.get("host");
  const route = routeRequest({ host, pathname: request.nextUrl.pathname, rootDomain });
  const onRootHost = realmOfHost(host, rootDomain)?.kind === "platform";

  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    // The admin console's Open clinic posts its ticket to the clinic's own host.
    formTargets: onRootHost ? [`${rootProtocol(rootDomain)}://*.${rootDomain}`] : [],
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", policy);
  forwarded.set("x-nonce", nonce);
  const response = isCrossOriginActionCall(request)
    ? crossOriginActionRefused()
    : dispatch(request, route, { request: { headers: forwarded } });

  // A clinic's printed documents are PDFs that the browser's own viewer shows (pdf-policy.ts).
  const printed = route.kind === "tenant" && request.nextUrl.pathname.startsWith("/print/");
  response.headers.set(contentSecurityPolicyHeaderName(), printed ? PDF_CONTENT_SECURITY_POLICY : policy);
  // A clinic's paths name its patients and visits: they never leave its host. The console's
  // cross-origin Open clinic post needs its Origin header, which same-origin would make "null".
  response.headers.set("Referrer-Policy", onRootHost ? "strict-origin-when-cross-origin" : "same-origin");
  return response;
}

/** Next would refuse it too, but with a 500 and an error in the log, whenever anyone sends one. */
function crossOriginActionRefused(): NextResponse {
  return new NextResponse("This request came from another site, so it was refused.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function dispatch(
  request: NextRequest,
  route: RequestRoute,
  init: { request: { headers: Headers } },
): NextResponse {
  if (route.kind === "root") return NextResponse.next(init);
  const url = request.nextUrl.clone();
  if (route.kind === "not-found") {
    url.pathname = NOT_FOUND_PATH;
    url.search = "";
    return NextResponse.rewrite(url, init);
  }
  url.pathname = route.rewritePath;
  return NextResponse.rewrite(url, init);
}

export const config = {
  // Skips exactly the build's assets, the image optimizer and the favicon: a look-alike path such
  // as /favicon.icox or /_next/staticfoo could reach a page. Next matches this against the path
  // alone (no query), case-sensitively.
  matcher: ["/((?!_next/static/|_next/image$|favicon\\.ico$).*)"],
};
