import { describe, expect, it } from "vitest";
import { checkMetricsAccess, metricsTokenProblem, readProcessMetrics } from "./process-metrics";
import type { TenantRegistryMetrics } from "./registry";

const TOKEN = "a".repeat(40);

describe("GET /api/metrics access", () => {
  it("is hidden (404) while METRICS_TOKEN is unset or empty", () => {
    expect(checkMetricsAccess(`Bearer ${TOKEN}`, {})).toBe("hidden");
    expect(checkMetricsAccess(`Bearer ${TOKEN}`, { METRICS_TOKEN: "" })).toBe("hidden");
  });

  it("answers only the exact bearer token", () => {
    const env = { METRICS_TOKEN: TOKEN };
    expect(checkMetricsAccess(`Bearer ${TOKEN}`, env)).toBe("allowed");
    for (const header of [
      null,
      "",
      TOKEN,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      `Basic ${TOKEN}`,
    ]) {
      expect(checkMetricsAccess(header, env), String(header)).toBe("refused");
    }
  });

  it("stops npm start with what to do when the token is too short to keep it private", () => {
    expect(metricsTokenProblem({ METRICS_TOKEN: "secret" })).toMatch(/at least 32 characters/);
    expect(metricsTokenProblem({ METRICS_TOKEN: TOKEN })).toBeUndefined();
    expect(metricsTokenProblem({})).toBeUndefined();
  });
});

describe("process metrics", () => {
  it("reports this process's memory and CPU with the registry's counters", () => {
    const registry = { metrics: () => ({ clientHits: 7, clientMisses: 2 }) as TenantRegistryMetrics };
    const metrics = readProcessMetrics(registry);
    expect(metrics.pid).toBe(process.pid);
    expect(metrics.rssBytes).toBeGreaterThan(metrics.heapUsedBytes);
    expect(metrics.cpuUserMs).toBeGreaterThan(0);
    expect(metrics.tenantRegistry).toMatchObject({ clientHits: 7, clientMisses: 2 });
  });
});
