import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handlers } from "./auth";

afterEach(() => {
  vi.unstubAllEnvs();
});

/**
 * The `Set-Cookie` lines of Auth.js's first answer to a browser on `host`. Auth.js's own signIn()
 * builds its request's URL from the X-Forwarded-Proto header (a client or proxy can send any), so
 * the URL here carries the protocol that header claims.
 */
async function cookiesSetFor(host: string, claimedProtocol: "http" | "https"): Promise<string[]> {
  const request = new NextRequest(`${claimedProtocol}://${host}/api/auth/csrf`, {
    headers: { host, "x-forwarded-proto": claimedProtocol },
  });
  const response = await handlers.GET(request);
  return response.headers.getSetCookie();
}

describe("Auth.js cookies", () => {
  it("are Secure on an https root even when a forwarded header claims plain http", async () => {
    vi.stubEnv("ROOT_DOMAIN", "clinics.test");
    const cookies = await cookiesSetFor("clinics.test", "http");
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__(Host|Secure)-authjs\./);
      expect(cookie).toMatch(/;\s*Secure/i);
    }
  });

  it("stay plain for the http demo on localhost, whatever a forwarded header claims", async () => {
    vi.stubEnv("ROOT_DOMAIN", "localhost:3000");
    const cookies = await cookiesSetFor("localhost:3000", "https");
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^authjs\./);
      expect(cookie).not.toMatch(/;\s*Secure/i);
    }
  });
});
