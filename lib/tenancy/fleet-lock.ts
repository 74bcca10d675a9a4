import pg from "pg";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";

/**
 * One schema rollout at a time across every process (CLI, dashboard): a session-level advisory
 * lock on the central database, held by a connection of its own for the whole run. Holding it
 * also proves that any run still marked RUNNING was interrupted, so those are closed first.
 */
export async function withFleetLock<T>(
  central: CentralDb,
  centralUrl: string,
  work: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: centralUrl,
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  client.on("error", () => {}); // a restart while it is held must not crash the process
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext('clinic-platform:fleet-run')) AS locked",
    );
    if (!rows[0]?.locked) {
      const running = await central.fleetRun.findFirst({
        where: { status: "RUNNING" },
        orderBy: { startedAt: "desc" },
      });
      const since = running ? ` (started ${running.startedAt.toISOString()})` : "";
      throw new AppError(
        "CONFLICT",
        `Another schema rollout is running${since}. Wait for it to finish, then run again.`,
      );
    }
    await central.fleetRun.updateMany({
      where: { status: "RUNNING" },
      data: {
        status: "FAILED",
        error: "Interrupted before it finished; its clinics are picked up by the next run.",
        finishedAt: new Date(),
      },
    });
    await central.fleetRunResult.updateMany({
      where: { status: "PENDING", run: { status: "FAILED" } },
      data: { status: "SKIPPED" },
    });
    return await work();
  } finally {
    await client.end();
  }
}
