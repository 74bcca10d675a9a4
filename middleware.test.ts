import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { middleware } from "./middleware";

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

function rewriteTargetOf(response: Response): string | null {
  const target = response.headers.get("x-middleware-rewrite");
  if (target === null) return null;
  const url = new URL(target);
  return `${url.pathname}${url.search}`;
}

function forwardedTenantOf(response: Response): string | null {
  return response.headers.get("x-middleware-request-x-tenant");
}

function forwardedHeaderNamesOf(response: Response): string[] {
  return (response.headers.get("x-middleware-override-headers") ?? "").split(",");
}

describe("middleware on a clinic host", () => {
  it("rewrites / to the clinic's segment and forwards x-tenant", () => {
    const response = middleware(requestFor("acme.localhost:3000", "/"));
    expect(rewriteTargetOf(response)).toBe("/acme");
    expect(forwardedTenantOf(response)).toBe("acme");
  });

  it("routes by the Host header when the connection is to 127.0.0.1", () => {
    const request = new NextRequest("http://127.0.0.1:3000/patients", {
      headers: { host: "acme.localhost:3000" },
    });
    const response = middleware(request);
    expect(rewriteTargetOf(response)).toBe("/acme/patients");
    expect(forwardedTenantOf(response)).toBe("acme");
  });

  it("keeps the query string when rewriting", () => {
    const response = middleware(requestFor("acme.localhost:3000", "/patients?page=2&q=smith"));
    expect(rewriteTargetOf(response)).toBe("/acme/patients?page=2&q=smith");
  });

  it("replaces a forged x-tenant header with the host's clinic", () => {
    const response = middleware(requestFor("acme.localhost:3000", "/patients", { "x-tenant": "other" }));
    expect(rewriteTargetOf(response)).toBe("/acme/patients");
    expect(forwardedTenantOf(response)).toBe("acme");
  });

  it("treats ACME.localhost:3000 as the acme clinic", () => {
    const response = middleware(requestFor("ACME.localhost:3000", "/"));
    expect(rewriteTargetOf(response)).toBe("/acme");
    expect(forwardedTenantOf(response)).toBe("acme");
  });

  it.each(["/super", "/super/clinics", "/admin"])("answers 404 for %s", (pathname) => {
    const response = middleware(requestFor("acme.localhost:3000", pathname, { "x-tenant": "acme" }));
    expect(rewriteTargetOf(response)).toBe("/__not-found");
    expect(forwardedTenantOf(response)).toBeNull();
  });

  it.each(["www", "admin", "a--b"])("answers 404 for the reserved or malformed subdomain %s", (label) => {
    const response = middleware(requestFor(`${label}.localhost:3000`, "/patients"));
    expect(rewriteTargetOf(response)).toBe("/__not-found");
    expect(forwardedTenantOf(response)).toBeNull();
  });

  it("passes build assets through without a tenant", () => {
    const response = middleware(
      requestFor("acme.localhost:3000", "/_next/webpack-hmr", { "x-tenant": "other" }),
    );
    expect(rewriteTargetOf(response)).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(forwardedTenantOf(response)).toBeNull();
  });
});

describe("middleware on the root host", () => {
  it.each(["/", "/super", "/admin/clinics", "/login", "/api/health"])("passes %s through", (pathname) => {
    const response = middleware(requestFor("localhost:3000", pathname));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(rewriteTargetOf(response)).toBeNull();
  });

  it("drops a forged x-tenant header", () => {
    const response = middleware(requestFor("localhost:3000", "/admin", { "x-tenant": "other" }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(forwardedTenantOf(response)).toBeNull();
    expect(forwardedHeaderNamesOf(response)).not.toContain("x-tenant");
    expect(forwardedHeaderNamesOf(response)).toContain("host");
  });

  it("answers 404 for /acme/patients, which would reach the tenant segment directly", () => {
    const response = middleware(requestFor("localhost:3000", "/acme/patients?x=1", { "x-tenant": "acme" }));
    expect(rewriteTargetOf(response)).toBe("/__not-found");
    expect(forwardedTenantOf(response)).toBeNull();
  });
});

describe("middleware on other hosts", () => {
  it.each(["a.b.localhost:3000", "acme.example.com", "127.0.0.1:3000", "localhost:3001"])(
    "answers 404 for %s",
    (host) => {
      const response = middleware(requestFor(host, "/"));
      expect(rewriteTargetOf(response)).toBe("/__not-found");
      expect(forwardedTenantOf(response)).toBeNull();
    },
  );

  it("reads ROOT_DOMAIN for the root", () => {
    process.env.ROOT_DOMAIN = "clinics.test";
    const response = middleware(requestFor("harbor.clinics.test", "/appointments"));
    expect(rewriteTargetOf(response)).toBe("/harbor/appointments");
    expect(forwardedTenantOf(response)).toBe("harbor");
    expect(rewriteTargetOf(middleware(requestFor("acme.localhost:3000", "/")))).toBe("/__not-found");
  });
});
