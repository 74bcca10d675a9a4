import { describe, expect, it } from "vitest";
import { isClinicAddress, routeRequest } from "./host";

const rootDomain = "localhost:3000";

function route(host: string | null, pathname: string) {
  return routeRequest({ host, pathname, rootDomain });
}

describe("routeRequest on the root host", () => {
  it.each([
    "/",
    "/super",
    "/super/clinics",
    "/admin",
    "/admin/clinics/new",
    "/login",
    "/logout",
    "/api/health",
    "/_next/static/chunk.js",
    "/favicon.ico",
    "/robots.txt",
  ])("passes %s through", (pathname) => {
    expect(route(rootDomain, pathname)).toEqual({ kind: "root" });
  });

  it.each(["/acme", "/acme/patients", "/pricing", "//acme", "/SUPER", "/%61cme", "/superb"])(
    "answers not-found for %s, which would reach the tenant segment",
    (pathname) => {
      expect(route(rootDomain, pathname)).toEqual({ kind: "not-found" });
    },
  );

  it("compares the host without regard to case", () => {
    expect(route("LOCALHOST:3000", "/login")).toEqual({ kind: "root" });
  });
});

describe("routeRequest on a clinic host", () => {
  it("rewrites / to the tenant segment", () => {
    expect(route("acme.localhost:3000", "/")).toEqual({
      kind: "tenant",
      subdomain: "acme",
      rewritePath: "/acme",
    });
  });

  it("rewrites a path under the tenant segment", () => {
    expect(route("acme.localhost:3000", "/patients/42")).toEqual({
      kind: "tenant",
      subdomain: "acme",
      rewritePath: "/acme/patients/42",
    });
  });

  it("rewrites API paths too", () => {
    expect(route("north-side.localhost:3000", "/api/appointments")).toMatchObject({
      rewritePath: "/north-side/api/appointments",
    });
  });

  it("lowercases the host, so ACME.localhost is the acme clinic", () => {
    expect(route("ACME.localhost:3000", "/")).toEqual({
      kind: "tenant",
      subdomain: "acme",
      rewritePath: "/acme",
    });
  });

  it("passes static assets through without rewriting", () => {
    expect(route("acme.localhost:3000", "/_next/static/chunk.js")).toEqual({ kind: "root" });
  });

  it.each(["/super", "/super/clinics", "/admin", "/admin/clinics"])(
    "answers not-found for %s",
    (pathname) => {
      expect(route("acme.localhost:3000", pathname)).toEqual({ kind: "not-found" });
    },
  );

  it.each(["www", "admin", "api", "a--b", "-ab", "ab-", "a_b", "ab", "xn--80ak6aa92e", "\u0430cme"])(
    "answers not-found for the reserved or malformed subdomain %j",
    (label) => {
      expect(route(`${label}.localhost:3000`, "/")).toEqual({ kind: "not-found" });
    },
  );
});

describe("routeRequest on other hosts", () => {
  it.each([
    ["a multi-level subdomain", "a.b.localhost:3000"],
    ["another domain", "acme.example.com"],
    ["the root without its port", "localhost"],
    ["a clinic without the port", "acme.localhost"],
    ["another port", "acme.localhost:3001"],
    ["a look-alike suffix", "acme.evillocalhost:3000"],
    ["the loopback address", "127.0.0.1:3000"],
    ["a trailing dot", "acme.localhost:3000."],
    ["an empty host", ""],
    ["no host", null],
  ])("answers not-found for %s", (_label, host) => {
    expect(route(host, "/")).toEqual({ kind: "not-found" });
  });

  it("works with a production root domain", () => {
    const result = routeRequest({ host: "acme.clinics.test", pathname: "/", rootDomain: "clinics.test" });
    expect(result).toEqual({ kind: "tenant", subdomain: "acme", rewritePath: "/acme" });
  });

  it("refuses a path that does not start with a slash", () => {
    expect(route("acme.localhost:3000", "patients")).toEqual({ kind: "not-found" });
  });
});

describe("isClinicAddress", () => {
  it.each([
    ["a clinic's host", "acme.localhost:3000", true],
    ["an unknown or malformed label", "a--b.localhost:3000", true],
    ["two labels in front of the root", "a.b.localhost:3000", true],
    ["the root host", "localhost:3000", false],
    ["another domain", "acme.example.com", false],
    ["no host", null, false],
  ])("says whether %s is a clinic's address", (_label, host, expected) => {
    expect(isClinicAddress(host, "localhost:3000")).toBe(expected);
  });
});
