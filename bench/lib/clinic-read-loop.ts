import pg from "pg";

export type ClinicReadLoop = {
  /** Successful reads and failed ones so far, the failures by their message's first words. */
  counts(): { ok: number; failed: number; failures: Record<string, number> };
  /** The longest time without a successful read that overlaps [from, to] (ms since the epoch). */
  longestGap(from: number, to: number): number;
  stop(): Promise<void>;
};

/**
 * Reads the clinic's database through its own role back to back, each read on a new connection
 * (as a pool opening one would: a database closed to new connections shows, though open sessions
 * still read), `pauseMs` between reads, recording when each read succeeded: the gaps are how long
 * the clinic could not be served.
 */
export function startClinicReadLoop(url: string, pauseMs = 20): ClinicReadLoop {
  const successes: number[] = [];
  const failures: Record<string, number> = {};
  let failed = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: 5_000,
        query_timeout: 5_000,
      });
      client.on("error", () => {});
      try {
        await client.connect();
        await client.query("SELECT count(*) FROM patients");
        successes.push(Date.now());
      } catch (error) {
        failed += 1;
        const words = (error as Error).message.replace(/"[^"]*"/g, "…").slice(0, 60);
        failures[words] = (failures[words] ?? 0) + 1;
      } finally {
        await client.end().catch(() => {});
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  })();
  return {
    counts: () => ({ ok: successes.length, failed, failures: { ...failures } }),
    longestGap(from, to) {
      const before = successes.findLast((at) => at <= from) ?? from;
      const after = successes.find((at) => at >= to) ?? Date.now();
      let previous = before;
      let longest = 0;
      for (const at of [...successes.filter((at) => at > before && at < after), after]) {
        longest = Math.max(longest, at - previous);
        previous = at;
      }
      return longest;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}
