import pg from "pg";

/** Longest a new connection waits for a restore's swap to finish (measured swaps: 49–77 ms). */
export const SWAP_WAIT_MS = 3_000;
const RETRY_EVERY_MS = 20;

/**
 * A restore's swap (lib/backups/restore-database.ts) closes the clinic's database to new
 * connections for the few milliseconds its renames take. PostgreSQL refuses those connections at
 * once (SQLSTATE 55000, "not currently accepting connections"), which a clinic's pages would show
 * as an error; this pool waits instead, retrying until the database opens again or `waitMs` passes.
 * Nothing else on the platform closes a clinic's database this way (suspension works in the app).
 */
export class SwapWaitingPool extends pg.Pool {
  private readonly waitMs: number;

  constructor(config: pg.PoolConfig, waitMs = SWAP_WAIT_MS) {
    super(config);
    this.waitMs = waitMs;
  }

  // pg-pool's own query() calls connect(callback): both forms must wait.
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (error: Error | undefined, client?: pg.PoolClient, done?: () => void) => void,
  ): void;
  override connect(
    callback?: (error: Error | undefined, client?: pg.PoolClient, done?: () => void) => void,
  ): Promise<pg.PoolClient> | undefined {
    const connected = this.connectWaiting();
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, () => client.release()),
      (error: Error) => callback(error),
    );
    return undefined;
  }

  private async connectWaiting(): Promise<pg.PoolClient> {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      try {
        return await super.connect();
      } catch (error) {
        if (!isClosedForSwap(error) || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
      }
    }
  }
}

function isClosedForSwap(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === "55000" && typeof message === "string" && message.includes("not currently accepting connections")
  );
}
