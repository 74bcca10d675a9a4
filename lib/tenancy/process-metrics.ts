import { createHash, timingSafeEqual } from "node:crypto";
import type { TenantRegistryMetrics } from "./registry";

/** What GET /api/metrics answers: this process's memory and CPU, and its tenant registry's counters. */
export type ProcessMetrics = {
  pid: number;
  uptimeSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  /** Counters since the process started (hits, misses, evictions) and gauges (clients, connections). */
  tenantRegistry: TenantRegistryMetrics;
};

export function readProcessMetrics(registry: { metrics(): TenantRegistryMetrics }): ProcessMetrics {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return {
    pid: process.pid,
    uptimeSeconds: Math.round(process.uptime()),
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    cpuUserMs: Math.round(cpu.user / 1000),
    cpuSystemMs: Math.round(cpu.system / 1000),
    tenantRegistry: registry.metrics(),
  };
}

/** Tokens shorter than this are refused at start: the endpoint would be guessable. */
export const METRICS_TOKEN_MIN_LENGTH = 32;

/**
 * Whether a request may read the metrics: "hidden" when METRICS_TOKEN is not set (the endpoint
 * answers 404, as if it did not exist), else its `Authorization: Bearer` token compared in constant time.
 */
export function checkMetricsAccess(
  authorization: string | null,
  env: Readonly<Record<string, string | undefined>>,
): "hidden" | "refused" | "allowed" {
  const token = env.METRICS_TOKEN;
  if (!token) return "hidden";
  const given = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1] ?? "";
  // Hashes are of equal length whatever was sent, so the comparison reveals nothing about the token.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token)) ? "allowed" : "refused";
}

/** A startup check: a set METRICS_TOKEN that is too short to keep the endpoint private. */
export function metricsTokenProblem(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const token = env.METRICS_TOKEN;
  if (token === undefined || token === "" || token.length >= METRICS_TOKEN_MIN_LENGTH) return undefined;
  return `METRICS_TOKEN must be at least ${METRICS_TOKEN_MIN_LENGTH} characters (e.g. openssl rand -hex 32), or unset to turn GET /api/metrics off.`;
}
