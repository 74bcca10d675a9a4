import {
  getRedirectUrl,
  getRewrittenUrl,
  isRewrite,
  unstable_doesMiddlewareMatch,
} from "next/experimental/testing/server";
import { NextRequest, type NextResponse } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { config, middleware } from "./middleware";

let savedRootDomain: string | undefined;

beforeEach(() => {
  savedRootDomain = process.env.ROOT_DOMAIN;
  delete process.env.ROOT_DOMAIN;
});

afterEach(() => {
  if (savedRootDomain === undefined) delete process.env.ROOT_DOMAIN;
  else process.env.ROOT_DOMAIN = savedRootDomain;
});

// The Next.js server builds request.url from Host, so both name the same site here.
function requestFor(host: string, pathAndQuery: string, headers: Record<string, string> = {}) {
  return new NextRequest(`http://${host}${pathAndQuery}`, { headers: { host, ...headers } });
}

/** Where a rewrite sends the request inside the app (path and query), or null when it is none. */
function rewrittenPathOf(response: NextResponse): string | null {
  const target = getRewrittenUrl(response);
  if (target === null) return null;
  const url = new URL(target);
  return `${url.pathname}${url.search}`;
}

/** The request goes on to the route it asked for: neither rewritten nor redirected nor answered here. */
function expectPassesThrough(response: NextResponse) {
  expect(isRewrite(response)).toBe(false);
  expect(getRedirectUrl(response)).toBeNull();
  // No testing helper tells NextResponse.next() from a response the middleware answers itself.
  expect(response.headers.get("x-middleware-next")).toBe("1");
}

// Next's testing helpers cannot see the request headers a middleware forwards; only this internal
// response header lists them. The app takes the clinic from Host, so the middleware adds none.
function forwardedHeadersOf(response: NextResponse): string | null {
  return response.headers.get("x-middleware-override-headers");
}

describe("middleware on a clinic host", () => {
  it("rewrites / to the clinic's segment and forwards no header of its own", () => {
    const response = middleware(requestFor("acme.localhost:3000", "/"));
    expect(rewrittenPathOf(response)).toBe("/acme");
    expect(forwardedHeadersOf(response)).toBeNull();
  });

  it("routes by the Host header when the connection is to 127.0.0.1", () => {
    const request = new NextRequest("http://127.0.0.1:3000/patients", {
      headers: { host: "acme.localhost:3000" },
    });
    const response = middleware(request);
    expect(rewrittenPathOf(response)).toBe("/acme/patients");
  });

  it("keeps the query string when rewriting", () => {
    const response = middleware(requestFor("acme.localhost:3000", "/patients?page=2&q=smith"));
    expect(rewrittenPathOf(response)).toBe("/acme/patients?page=2&q=smith");
  });

  it("routes by the host whatever x-tenant header the client sends", () => {
    const response = middleware(requestFor("acme.localhost:3000", "/patients", { "x-tenant": "other" }));
    expect(rewrittenPathOf(response)).toBe("/acme/patients");
  });

  it("treats ACME.localhost:3000 as the acme clinic", () => {
    const response = middleware(requestFor("ACME.localhost:3000", "/"));
    expect(rewrittenPathOf(response)).toBe("/acme");
  });

  it.each(["/super", "/super/clinics", "/admin"])("answers 404 for %s", (pathname) => {
    const response = middleware(requestFor("acme.localhost:3000", pathname, { "x-tenant": "acme" }));
    expect(rewrittenPathOf(response)).toBe("/__not-found");
  });

  it.each(["www", "admin", "a--b"])("answers 404 for the reserved or malformed subdomain %s", (label) => {
    const response = middleware(requestFor(`${label}.localhost:3000`, "/patients"));
    expect(rewrittenPathOf(response)).toBe("/__not-found");
  });

  it("passes build assets through without a tenant", () => {
    const response = middleware(
      requestFor("acme.localhost:3000", "/_next/webpack-hmr", { "x-tenant": "other" }),
    );
    expectPassesThrough(response);
  });
});

describe("middleware on the root host", () => {
  it.each(["/", "/super", "/admin/clinics", "/login", "/api/health"])("passes %s through", (pathname) => {
    expectPassesThrough(middleware(requestFor("localhost:3000", pathname)));
  });

  it("passes a client's x-tenant header through untouched, as nothing reads it", () => {
    const response = middleware(requestFor("localhost:3000", "/admin", { "x-tenant": "other" }));
    expectPassesThrough(response);
    expect(forwardedHeadersOf(response)).toBeNull();
  });

  it("answers 404 for /acme/patients, which would reach the tenant segment directly", () => {
    const response = middleware(requestFor("localhost:3000", "/acme/patients?x=1", { "x-tenant": "acme" }));
    expect(rewrittenPathOf(response)).toBe("/__not-found");
  });
});

describe("middleware on other hosts", () => {
  it.each(["a.b.localhost:3000", "acme.example.com", "127.0.0.1:3000", "localhost:3001"])(
    "answers 404 for %s",
    (host) => {
      const response = middleware(requestFor(host, "/"));
      expect(rewrittenPathOf(response)).toBe("/__not-found");
    },
  );

  it("reads ROOT_DOMAIN for the root", () => {
    process.env.ROOT_DOMAIN = "clinics.test";
    const response = middleware(requestFor("harbor.clinics.test", "/appointments"));
    expect(rewrittenPathOf(response)).toBe("/harbor/appointments");
    expect(rewrittenPathOf(middleware(requestFor("acme.localhost:3000", "/")))).toBe("/__not-found");
  });
});

describe("the middleware matcher", () => {
  const runsFor = (path: string) =>
    unstable_doesMiddlewareMatch({ config, url: `http://acme.localhost:3000${path}` });

  it.each([
    "/_next/static/chunks/main.js",
    "/_next/static/css/app.css",
    "/_next/static/media/font.woff2",
    "/_next/image?url=%2Flogo.png&w=64&q=75",
    "/favicon.ico",
  ])("leaves the static asset %s to Next", (path) => {
    expect(runsFor(path)).toBe(false);
  });

  // Every exclusion, walked with paths that only look like it: each of these could reach a page
  // (and a server action posted to it), so the middleware must run for them.
  it.each([
    "/_next/static",
    "/_next/staticfoo/chunks/main.js",
    "/_next/static.rsc",
    "/x/_next/static/chunks/main.js",
    "/_next/imagex",
    "/_next/image/x",
    "/_next/image.rsc",
    "/_next/images?url=%2Flogo.png",
    "/x/_next/image",
    "/favicon.icox",
    "/favicon.ico/x",
    "/favicon.ico.rsc",
    "/favicon.ico.segments/x.segment.rsc",
    "/faviconXico",
    "/x/favicon.ico",
    "/_next/data/build-id/favicon.ico",
  ])("runs for the look-alike %s", (path) => {
    expect(runsFor(path)).toBe(true);
  });

  it.each(["/", "/patients?page=2", "/_next/webpack-hmr", "/api/health"])("runs for %s", (path) => {
    expect(runsFor(path)).toBe(true);
  });
});
