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

/**
 * The request headers the app sees after the middleware, when it changed any. Next's testing helpers
 * cannot see them; only these internal response headers carry them.
 */
function forwardedHeadersOf(response: NextResponse): Map<string, string> | null {
  const names = response.headers.get("x-middleware-override-headers");
  if (names === null) return null;
  return new Map(
    names.split(",").map((name) => [name, response.headers.get(`x-middleware-request-${name}`) ?? ""]),
  );
}

/** Apart from the policy and its nonce, the app gets the request's own headers: none added by the middleware. */
function expectForwardsOnlyPolicyAndNonce(request: NextRequest, response: NextResponse) {
  const forwarded = forwardedHeadersOf(response);
  expect(forwarded).not.toBeNull();
  const added = new Map(forwarded);
  added.delete("content-security-policy");
  added.delete("x-nonce");
  const own = new Map(request.headers);
  own.delete("content-security-policy");
  own.delete("x-nonce");
  expect(added).toEqual(own);
}

describe("middleware on a clinic host", () => {
  it("rewrites / to the clinic's segment and forwards no header of its own but the policy", () => {
    const request = requestFor("acme.localhost:3000", "/");
    const response = middleware(request);
    expect(rewrittenPathOf(response)).toBe("/acme");
    expectForwardsOnlyPolicyAndNonce(request, response);
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
    const request = requestFor("localhost:3000", "/admin", { "x-tenant": "other" });
    const response = middleware(request);
    expectPassesThrough(response);
    expectForwardsOnlyPolicyAndNonce(request, response);
    expect(forwardedHeadersOf(response)?.get("x-tenant")).toBe("other");
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

describe("security headers from the middleware", () => {
  let savedReportOnly: string | undefined;

  beforeEach(() => {
    savedReportOnly = process.env.CSP_REPORT_ONLY;
    delete process.env.CSP_REPORT_ONLY;
  });

  afterEach(() => {
    if (savedReportOnly === undefined) delete process.env.CSP_REPORT_ONLY;
    else process.env.CSP_REPORT_ONLY = savedReportOnly;
  });

  const policyOf = (response: NextResponse) => response.headers.get("content-security-policy") ?? "";
  const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

  it.each([
    ["a clinic page", "acme.localhost:3000", "/patients"],
    ["a root page", "localhost:3000", "/login"],
    ["the not-found rewrite", "www.localhost:3000", "/patients"],
  ])("enforces a nonce policy on %s, and hands Next the same policy and nonce", (_kind, host, path) => {
    const response = middleware(requestFor(host, path));
    const policy = policyOf(response);
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = nonceOf(policy);
    expect(nonce).toBeDefined();
    const forwarded = forwardedHeadersOf(response);
    expect(forwarded?.get("content-security-policy")).toBe(policy);
    expect(forwarded?.get("x-nonce")).toBe(nonce);
  });

  it("uses a new nonce for every request", () => {
    const first = nonceOf(policyOf(middleware(requestFor("acme.localhost:3000", "/"))));
    const second = nonceOf(policyOf(middleware(requestFor("acme.localhost:3000", "/"))));
    expect(first).not.toBe(second);
  });

  it("replaces a policy or nonce the client sent with its own", () => {
    const response = middleware(
      requestFor("acme.localhost:3000", "/", {
        "content-security-policy": "script-src 'nonce-chosenbytheclient'",
        "x-nonce": "chosenbytheclient",
      }),
    );
    const forwarded = forwardedHeadersOf(response);
    expect(forwarded?.get("content-security-policy")).toBe(policyOf(response));
    expect(forwarded?.get("x-nonce")).not.toBe("chosenbytheclient");
    expect(policyOf(response)).not.toContain("chosenbytheclient");
  });

  it("only reports violations when CSP_REPORT_ONLY=1", () => {
    process.env.CSP_REPORT_ONLY = "1";
    const response = middleware(requestFor("acme.localhost:3000", "/"));
    expect(response.headers.get("content-security-policy")).toBeNull();
    const reported = response.headers.get("content-security-policy-report-only") ?? "";
    expect(reported).toContain("frame-ancestors 'none'");
    expect(forwardedHeadersOf(response)?.get("content-security-policy")).toBe(reported);
  });

  it("lets the console's Open clinic form post to the clinics' hosts, and a clinic's forms only to itself", () => {
    const formActionOf = (response: NextResponse) => /form-action ([^;]*)/.exec(policyOf(response))?.[1];
    expect(formActionOf(middleware(requestFor("localhost:3000", "/admin")))).toBe(
      "'self' http://*.localhost:3000",
    );
    expect(formActionOf(middleware(requestFor("acme.localhost:3000", "/")))).toBe("'self'");
    process.env.ROOT_DOMAIN = "clinics.test";
    expect(formActionOf(middleware(requestFor("clinics.test", "/admin")))).toBe(
      "'self' https://*.clinics.test",
    );
  });

  // Chrome shows a PDF in its own viewer, an <embed> the pages' object-src 'none' would block.
  it("lets a clinic's printed PDFs show in the browser's viewer, and nothing else under /print/", () => {
    const printed = policyOf(middleware(requestFor("acme.localhost:3000", "/print/prescriptions/x")));
    expect(printed).toContain("object-src 'self'");
    expect(printed).toContain("default-src 'none'");
    expect(printed).toContain("frame-ancestors 'none'");
    expect(policyOf(middleware(requestFor("acme.localhost:3000", "/printing")))).toContain(
      "object-src 'none'",
    );
    expect(policyOf(middleware(requestFor("localhost:3000", "/print/prescriptions/x")))).toContain(
      "object-src 'none'",
    );
  });

  // Clinic paths name patients and appointments; the console's cross-origin Open clinic post needs
  // its Origin header, which Chrome sends as "null" under same-origin.
  it("sends no referrer off a clinic's host, and only the origin off the root's", () => {
    const referrerPolicyOf = (host: string) =>
      middleware(requestFor(host, "/")).headers.get("referrer-policy");
    expect(referrerPolicyOf("acme.localhost:3000")).toBe("same-origin");
    expect(referrerPolicyOf("localhost:3000")).toBe("strict-origin-when-cross-origin");
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
