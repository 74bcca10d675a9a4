import type pg from "pg";
import { z } from "zod";
import { ConfigError } from "../errors";

/**
 * How long the app waits on PostgreSQL. pg waits forever by default: a restarting or blackholed
 * server would hold a request (and its pool slot) until the kernel gives up on the socket.
 */
export type DbTimeouts = {
  /** Opening a connection, or waiting for a free one in a pool. */
  connectTimeoutMs: number;
  /** One query's answer, measured in the client: covers a socket whose server went silent. */
  queryTimeoutMs: number;
  /** Idle time before TCP keepalive probes start, so a dead peer is noticed between queries. */
  keepAliveDelayMs: number;
};

export const DEFAULT_DB_TIMEOUTS: DbTimeouts = {
  connectTimeoutMs: 5_000,
  queryTimeoutMs: 5_000,
  keepAliveDelayMs: 10_000,
};

const millis = (variable: string, fallback: number) =>
  z.preprocess(
    (raw) => (raw === undefined || raw === "" ? fallback : raw),
    z.coerce
      .number({ error: `${variable} must be a number of milliseconds` })
      .int(`${variable} must be a whole number of milliseconds`)
      .min(100, `${variable} must be at least 100`)
      .max(600_000, `${variable} must be at most 600000`),
  );

const timeoutsSchema = z.object({
  DB_CONNECT_TIMEOUT_MS: millis("DB_CONNECT_TIMEOUT_MS", DEFAULT_DB_TIMEOUTS.connectTimeoutMs),
  DB_QUERY_TIMEOUT_MS: millis("DB_QUERY_TIMEOUT_MS", DEFAULT_DB_TIMEOUTS.queryTimeoutMs),
  DB_KEEPALIVE_DELAY_MS: millis("DB_KEEPALIVE_DELAY_MS", DEFAULT_DB_TIMEOUTS.keepAliveDelayMs),
});

/** The timeouts of every connection the app makes, from DB_CONNECT_TIMEOUT_MS, DB_QUERY_TIMEOUT_MS, DB_KEEPALIVE_DELAY_MS. */
export function readDbTimeouts(env: Readonly<Record<string, string | undefined>> = process.env): DbTimeouts {
  const result = timeoutsSchema.safeParse(env);
  if (!result.success) throw new ConfigError(`${result.error.issues[0]?.message ?? "Invalid timeout"}.`);
  return {
    connectTimeoutMs: result.data.DB_CONNECT_TIMEOUT_MS,
    queryTimeoutMs: result.data.DB_QUERY_TIMEOUT_MS,
    keepAliveDelayMs: result.data.DB_KEEPALIVE_DELAY_MS,
  };
}

/** The same timeouts as pg's client and pool options. */
export function pgTimeoutOptions(
  timeouts: DbTimeouts = readDbTimeouts(),
): Pick<
  pg.PoolConfig,
  "connectionTimeoutMillis" | "query_timeout" | "keepAlive" | "keepAliveInitialDelayMillis"
> {
  return {
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    query_timeout: timeouts.queryTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: timeouts.keepAliveDelayMs,
  };
}

/**
 * For work outside a request (provisioning's seed, the demo data, tests' own clients), whose single
 * statements may insert thousands of rows: the same connect timeout, a query timeout of minutes.
 */
export function bulkWorkDbTimeouts(env?: Readonly<Record<string, string | undefined>>): DbTimeouts {
  const timeouts = readDbTimeouts(env);
  return { ...timeouts, queryTimeoutMs: Math.max(timeouts.queryTimeoutMs, 120_000) };
}
