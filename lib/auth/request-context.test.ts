import { afterEach, describe, expect, it } from "vitest";
import { clientOf, markClientAddressWritten } from "./request-context";

const APP_SERVER = Symbol.for("clinic-platform.client-address-written");

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[APP_SERVER];
});

describe("the client address the app reads", () => {
  it("is the address the app server wrote in X-Forwarded-For", () => {
    markClientAddressWritten();
    expect(clientOf(new Headers({ "x-forwarded-for": "198.51.100.23", "user-agent": "Firefox" }))).toEqual({
      ip: "198.51.100.23",
      userAgent: "Firefox",
    });
  });

  it("is unknown when the app runs without the app server, however X-Forwarded-For reads", () => {
    expect(clientOf(new Headers({ "x-forwarded-for": "198.51.100.23" })).ip).toBeNull();
  });

  it("is unknown when X-Forwarded-For is not the single address the app server writes", () => {
    markClientAddressWritten();
    expect(clientOf(new Headers({ "x-forwarded-for": "198.51.100.23, 10.0.0.1" })).ip).toBeNull();
    expect(clientOf(new Headers({ "x-forwarded-for": "unknown" })).ip).toBeNull();
    expect(clientOf(new Headers()).ip).toBeNull();
  });
});
