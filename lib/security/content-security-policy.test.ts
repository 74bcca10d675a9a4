import { describe, expect, it } from "vitest";
import {
  buildContentSecurityPolicy,
  contentSecurityPolicyHeaderName,
  createNonce,
} from "./content-security-policy";

/** The policy as directive name → its sources, in the order a browser reads them. */
function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("the Content-Security-Policy", () => {
  const nonce = "bm9uY2Utb2YtdGhpcy1yZXF1ZXN0";

  it("lets only this response's own scripts run, and nothing frame the page", () => {
    const directives = directivesOf(buildContentSecurityPolicy({ nonce, dev: false }));
    expect(Object.fromEntries(directives)).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
      "style-src-elem": ["'self'", `'nonce-${nonce}'`],
      "style-src-attr": ["'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("puts script-src first, where Next looks for the nonce it gives its scripts", () => {
    const policy = buildContentSecurityPolicy({ nonce, dev: false });
    expect(policy.split(";").find((directive) => directive.trim().startsWith("script-src"))).toContain(
      `'nonce-${nonce}'`,
    );
  });

  it("allows eval in development only, which React's dev build needs for its error stacks", () => {
    const dev = directivesOf(buildContentSecurityPolicy({ nonce, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    const production = buildContentSecurityPolicy({ nonce, dev: false });
    expect(production).not.toContain("unsafe-eval");
    const { "script-src": _devScripts, ...devRest } = Object.fromEntries(dev);
    const { "script-src": _scripts, ...productionRest } = Object.fromEntries(directivesOf(production));
    expect(devRest).toEqual(productionRest);
  });

  it("lets forms post to the extra targets it is given, and nowhere else", () => {
    const policy = buildContentSecurityPolicy({
      nonce,
      dev: false,
      formTargets: ["https://*.clinics.test"],
    });
    expect(directivesOf(policy).get("form-action")).toEqual(["'self'", "https://*.clinics.test"]);
  });
});

describe("createNonce", () => {
  it("makes a fresh base64 value of 128 random bits each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("contentSecurityPolicyHeaderName", () => {
  it("enforces the policy by default", () => {
    expect(contentSecurityPolicyHeaderName({})).toBe("Content-Security-Policy");
    expect(contentSecurityPolicyHeaderName({ CSP_REPORT_ONLY: "0" })).toBe("Content-Security-Policy");
  });

  it("only reports violations when CSP_REPORT_ONLY=1", () => {
    expect(contentSecurityPolicyHeaderName({ CSP_REPORT_ONLY: "1" })).toBe(
      "Content-Security-Policy-Report-Only",
    );
  });
});
