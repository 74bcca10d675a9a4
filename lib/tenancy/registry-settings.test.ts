import { describe, expect, it } from "vitest";
import {
  readTenantConnectionSettings,
  readTenantRegistrySettings,
  resolveRegistrySettings,
} from "./registry-settings";

describe("readTenantRegistrySettings", () => {
  it("defaults to a budget of 40 connections in pools of 1, and 300 warm clients", () => {
    const defaults = { budget: 40, poolMax: 1, clientCache: 300 };
    expect(readTenantRegistrySettings({})).toEqual(defaults);
    expect(
      readTenantRegistrySettings({
        TENANT_CONNECTION_BUDGET: "",
        TENANT_POOL_MAX: "",
        TENANT_CLIENT_CACHE: "",
      }),
    ).toEqual(defaults);
  });

  it("reads every setting from the environment", () => {
    expect(
      readTenantRegistrySettings({
        TENANT_CONNECTION_BUDGET: " 60 ",
        TENANT_POOL_MAX: "3",
        TENANT_CLIENT_CACHE: "500",
      }),
    ).toEqual({ budget: 60, poolMax: 3, clientCache: 500 });
    expect(
      readTenantConnectionSettings({ TENANT_CONNECTION_BUDGET: "60", TENANT_CLIENT_CACHE: "500" }),
    ).toEqual({
      budget: 60,
      poolMax: 1,
    });
  });

  it.each([
    [{ TENANT_POOL_MAX: "two" }, "TENANT_POOL_MAX must be a number."],
    [{ TENANT_CONNECTION_BUDGET: "0" }, "TENANT_CONNECTION_BUDGET must be at least 1."],
    [{ TENANT_CONNECTION_BUDGET: "2.5" }, "TENANT_CONNECTION_BUDGET must be a whole number."],
    [{ TENANT_CLIENT_CACHE: "0" }, "TENANT_CLIENT_CACHE must be at least 1."],
    [
      { TENANT_CONNECTION_BUDGET: "4", TENANT_POOL_MAX: "5" },
      "TENANT_POOL_MAX must not be larger than TENANT_CONNECTION_BUDGET.",
    ],
  ])("refuses %o with one clear line", (env, message) => {
    expect(() => readTenantRegistrySettings(env)).toThrow(message);
  });
});

describe("resolveRegistrySettings", () => {
  it("takes explicit options over the environment, and the environment for what is missing", () => {
    const env = { TENANT_CONNECTION_BUDGET: "30", TENANT_POOL_MAX: "3", TENANT_CLIENT_CACHE: "50" };
    expect(resolveRegistrySettings({ budget: 8, poolMax: 1, clientCache: 20, env })).toEqual({
      budget: 8,
      poolMax: 1,
      clientCache: 20,
    });
    expect(resolveRegistrySettings({ budget: 9, env })).toEqual({ budget: 9, poolMax: 3, clientCache: 50 });
    expect(resolveRegistrySettings({ env: {} })).toEqual({ budget: 40, poolMax: 1, clientCache: 300 });
  });

  it("refuses a budget smaller than one pool, and a cache of no client", () => {
    expect(() => resolveRegistrySettings({ budget: 1, poolMax: 2, clientCache: 5 })).toThrow(
      "The tenant connection budget must be a whole number no smaller than the pool size.",
    );
    expect(() => resolveRegistrySettings({ budget: 4, poolMax: 2, clientCache: 0 })).toThrow(
      "The tenant client cache must keep at least one client.",
    );
  });
});
