import pg from "pg";

export type ConnectionPeaks = {
  /** Sessions of the platform's clinic roles (names starting with its prefix). */
  tenant: number;
  /** Sessions on the platform's central database. */
  central: number;
  /** Every client backend on the server, other work on it included. */
  server: number;
  samples: number;
};

const PEAKS_QUERY = `
  SELECT count(*) FILTER (WHERE starts_with(usename::text, $1))::int AS tenant,
         count(*) FILTER (WHERE datname = $2)::int AS central,
         count(*) FILTER (WHERE backend_type = 'client backend')::int AS server
  FROM pg_stat_activity`;

/**
 * Polls pg_stat_activity every `intervalMs` on a connection of its own and keeps the peaks since
 * the last `takePeaks()`. A connection that lives shorter than the interval can be missed.
 */
export async function startConnectionSampler(options: {
  adminUrl: string;
  prefix: string;
  centralDatabase: string;
  intervalMs?: number;
}) {
  const client = new pg.Client({ connectionString: options.adminUrl, application_name: "bench-sampler" });
  await client.connect();
  let peaks: ConnectionPeaks = { tenant: 0, central: 0, server: 0, samples: 0 };
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await client.query<Omit<ConnectionPeaks, "samples">>(PEAKS_QUERY, [
        options.prefix,
        options.centralDatabase,
      ]);
      const row = rows[0];
      if (row) {
        peaks = {
          tenant: Math.max(peaks.tenant, row.tenant),
          central: Math.max(peaks.central, row.central),
          server: Math.max(peaks.server, row.server),
          samples: peaks.samples + 1,
        };
      }
    } catch {
      // A missed sample only lowers the resolution; the next one tries again.
    } finally {
      busy = false;
    }
  }, options.intervalMs ?? 100);

  return {
    /** The peaks since the previous call, and a fresh start. */
    takePeaks(): ConnectionPeaks {
      const taken = peaks;
      peaks = { tenant: 0, central: 0, server: 0, samples: 0 };
      return taken;
    },
    /** Sessions ever opened to the platform's clinic databases (pg_stat_database.sessions). */
    async tenantSessionsOpened(): Promise<number> {
      const { rows } = await client.query<{ sessions: string | null }>(
        "SELECT sum(sessions) AS sessions FROM pg_stat_database WHERE starts_with(datname::text, $1) AND datname <> $2",
        [options.prefix, options.centralDatabase],
      );
      return Number(rows[0]?.sessions ?? 0);
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await client.end().catch(() => {});
    },
  };
}
