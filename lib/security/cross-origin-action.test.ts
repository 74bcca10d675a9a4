import { describe, expect, it } from "vitest";
import { isCrossOriginActionCall } from "./cross-origin-action";

function call(headers: Record<string, string>, method = "POST") {
  return isCrossOriginActionCall({ method, headers: new Headers(headers) });
}

const action = { host: "maple.clinics.test", "next-action": "7f00aa" };

describe("isCrossOriginActionCall", () => {
  it("lets an action through from its own origin, or with no Origin at all (no browser sends credentials without one)", () => {
    expect(call({ ...action, origin: "https://maple.clinics.test" })).toBe(false);
    expect(call(action)).toBe(false);
  });

  it("catches an action from another host, a sandboxed frame or a malformed Origin", () => {
    expect(call({ ...action, origin: "https://harbor.clinics.test" })).toBe(true);
    expect(call({ ...action, origin: "https://maple.clinics.test.evil.example" })).toBe(true);
    expect(call({ ...action, origin: "null" })).toBe(true);
    expect(call({ ...action, origin: "not a url" })).toBe(true);
  });

  it("compares with X-Forwarded-Host first, as Next does (the app server keeps it only from a trusted proxy)", () => {
    const forwarded = { ...action, "x-forwarded-host": "harbor.clinics.test, proxy.internal" };
    expect(call({ ...forwarded, origin: "https://harbor.clinics.test" })).toBe(false);
    expect(call({ ...forwarded, origin: "https://maple.clinics.test" })).toBe(true);
  });

  it("catches a form-posted action (multipart) too, and leaves other posts and GETs alone", () => {
    const evil = { host: "maple.clinics.test", origin: "https://evil.example" };
    expect(call({ ...evil, "content-type": "multipart/form-data; boundary=x" })).toBe(true);
    // The console's Open clinic form posts across origins to /open: a plain form, no action.
    expect(call({ ...evil, "content-type": "application/x-www-form-urlencoded" })).toBe(false);
    expect(call({ ...evil, "next-action": "7f00aa" }, "GET")).toBe(false);
  });
});
