import pg from "pg";
import { AppError } from "../errors";

/**
 * Session advisory locks on the central database, in two spaces (the first key of PostgreSQL's
 * two-key form). PostgreSQL releases a session lock the moment its backend's client is gone, which
 * is what makes them liveness: a lock that can be taken belongs to nobody alive.
 */
export const LOCK_SPACES = {
  /** Held by the worker running a job, for the whole attempt. */
  job: 0x4a4f42,
  /** One operation at a time on a clinic: provisioning, suspend, delete, a rollout's migration. */
  clinic: 0x434c49,
} as const;
export type LockSpace = keyof typeof LOCK_SPACES;

/**
 * A direct connection to the central database that holds locks (the pool's connections come and
 * go; a lock must live exactly as long as its holder). `lost` aborts when the connection ends or
 * fails: whatever ran under its locks must stop, because another worker may take them over.
 */
export class LockConnection {
  private readonly controller = new AbortController();
  readonly lost: AbortSignal = this.controller.signal;

  private constructor(private readonly client: pg.Client) {
    client.on("error", () => this.controller.abort(new LockLostError()));
    client.on("end", () => this.controller.abort(new LockLostError()));
  }

  static async open(url: string, applicationName: string): Promise<LockConnection> {
    const client = new pg.Client({
      connectionString: url,
      application_name: applicationName,
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
    });
    await client.connect();
    return new LockConnection(client);
  }

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]) {
    return this.client.query<R>(text, values);
  }

  async tryLock(space: LockSpace, id: string): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked",
      [LOCK_SPACES[space], id],
    );
    return rows[0]?.locked === true;
  }

  async unlock(space: LockSpace, id: string): Promise<void> {
    await this.client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_SPACES[space], id]);
  }

  /**
   * Takes a clinic's lock, trying again for up to `waitMs` while another operation holds it; then
   * refuses with words for the console.
   */
  async lockClinic(clinicId: string, waitMs: number): Promise<void> {
    const deadline = Date.now() + waitMs;
    while (!(await this.tryLock("clinic", clinicId))) {
      if (Date.now() >= deadline) {
        throw new AppError(
          "CONFLICT",
          "Another operation is running on this clinic. Try again when it has finished.",
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}

/** The lock connection ended: this worker no longer owns what it was doing. */
export class LockLostError extends Error {
  override name = "LockLostError";
  constructor() {
    super("The connection holding this job's lock ended.");
  }
}
