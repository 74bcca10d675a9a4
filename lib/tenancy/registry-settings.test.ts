import { describe, expect, it } from "vitest";
import { readTenantConnectionSettings, resolveConnectionSettings } from "./registry-settings";

describe("readTenantConnectionSettings", () => {
  it("defaults to a budget of 40 connections in pools of 1", () => {
    expect(readTenantConnectionSettings({})).toEqual({ budget: 40, poolMax: 1 });
    expect(readTenantConnectionSettings({ TENANT_CONNECTION_BUDGET: "", TENANT_POOL_MAX: "" })).toEqual({
      budget: 40,
      poolMax: 1,
    });
  });

  it("reads both settings from the environment", () => {
    expect(readTenantConnectionSettings({ TENANT_CONNECTION_BUDGET: " 60 ", TENANT_POOL_MAX: "3" })).toEqual({
      budget: 60,
      poolMax: 3,
    });
  });

  it.each([
    [{ TENANT_POOL_MAX: "two" }, "TENANT_POOL_MAX must be a number."],
    [{ TENANT_CONNECTION_BUDGET: "0" }, "TENANT_CONNECTION_BUDGET must be at least 1."],
    [{ TENANT_CONNECTION_BUDGET: "2.5" }, "TENANT_CONNECTION_BUDGET must be a whole number."],
    [
      { TENANT_CONNECTION_BUDGET: "4", TENANT_POOL_MAX: "5" },
      "TENANT_POOL_MAX must not be larger than TENANT_CONNECTION_BUDGET.",
    ],
  ])("refuses %o with one clear line", (env, message) => {
    expect(() => readTenantConnectionSettings(env)).toThrow(message);
  });
});

describe("resolveConnectionSettings", () => {
  it("takes explicit options over the environment, and the environment for what is missing", () => {
    const env = { TENANT_CONNECTION_BUDGET: "30", TENANT_POOL_MAX: "3" };
    expect(resolveConnectionSettings({ budget: 8, poolMax: 1, env })).toEqual({ budget: 8, poolMax: 1 });
    expect(resolveConnectionSettings({ budget: 9, env })).toEqual({ budget: 9, poolMax: 3 });
    expect(resolveConnectionSettings({ env: {} })).toEqual({ budget: 40, poolMax: 1 });
  });

  it("refuses a budget smaller than one pool", () => {
    expect(() => resolveConnectionSettings({ budget: 1, poolMax: 2 })).toThrow(
      "The tenant connection budget must be a whole number no smaller than the pool size.",
    );
  });
});
