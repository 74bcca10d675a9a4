import pg from "pg";

export type ConnectionCounts = {
  /** Sessions of the platform's clinic roles (names starting with its prefix). */
  tenant: number;
  /** Sessions on the platform's central database. */
  central: number;
  /** Every client backend on the server, other work on it included. */
  server: number;
};

/**
 * The highest counts seen since the last `takePeaks()`: over all servers (each sample reads every
 * server at the same tick, so the totals are of one moment) and per server.
 */
export type ConnectionPeaks = ConnectionCounts & { perServer: ConnectionCounts[]; samples: number };

const PEAKS_QUERY = `
  SELECT count(*) FILTER (WHERE starts_with(usename::text, $1))::int AS tenant,
         count(*) FILTER (WHERE datname = $2)::int AS central,
         count(*) FILTER (WHERE backend_type = 'client backend')::int AS server
  FROM pg_stat_activity`;

const zero = (): ConnectionCounts => ({ tenant: 0, central: 0, server: 0 });
const highest = (a: ConnectionCounts, b: ConnectionCounts): ConnectionCounts => ({
  tenant: Math.max(a.tenant, b.tenant),
  central: Math.max(a.central, b.central),
  server: Math.max(a.server, b.server),
});

/**
 * Polls pg_stat_activity of every server in `adminUrls` every `intervalMs`, on a connection of its
 * own per server, and keeps the peaks since the last `takePeaks()`. A connection that lives shorter
 * than the interval can be missed.
 */
export async function startConnectionSampler(options: {
  adminUrls: string[];
  prefix: string;
  centralDatabase: string;
  intervalMs?: number;
}) {
  const clients = options.adminUrls.map(
    (connectionString) => new pg.Client({ connectionString, application_name: "bench-sampler" }),
  );
  await Promise.all(clients.map((client) => client.connect()));
  const fresh = (): ConnectionPeaks => ({ ...zero(), perServer: clients.map(zero), samples: 0 });
  let peaks = fresh();
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const counts = await Promise.all(
        clients.map(async (client) => {
          const { rows } = await client.query<ConnectionCounts>(PEAKS_QUERY, [
            options.prefix,
            options.centralDatabase,
          ]);
          return rows[0] ?? zero();
        }),
      );
      const total = counts.reduce(
        (sum, each) => ({
          tenant: sum.tenant + each.tenant,
          central: sum.central + each.central,
          server: sum.server + each.server,
        }),
        zero(),
      );
      peaks = {
        ...highest(peaks, total),
        perServer: peaks.perServer.map((peak, i) => highest(peak, counts[i] ?? zero())),
        samples: peaks.samples + 1,
      };
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
      peaks = fresh();
      return taken;
    },
    /** Sessions ever opened to the platform's clinic databases (pg_stat_database.sessions), all servers. */
    async tenantSessionsOpened(): Promise<number> {
      const opened = await Promise.all(
        clients.map(async (client) => {
          const { rows } = await client.query<{ sessions: string | null }>(
            "SELECT sum(sessions) AS sessions FROM pg_stat_database WHERE starts_with(datname::text, $1) AND datname <> $2",
            [options.prefix, options.centralDatabase],
          );
          return Number(rows[0]?.sessions ?? 0);
        }),
      );
      return opened.reduce((sum, n) => sum + n, 0);
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await Promise.all(clients.map((client) => client.end().catch(() => {})));
    },
  };
}
