import pg from "pg";
import { currentLeaseConnections, isRefusedForSwap } from "./lease-connections";

/** Longest a new connection waits for a swap to finish (bench/RESULTS.md: ~0.4 s under load, worst 1.5 s). */
export const SWAP_WAIT_MS = 3_000;
const FIRST_RETRY_DELAY_MS = 20;
const MAX_RETRY_DELAY_MS = 200;

/**
 * A restore's swap (lib/backups/restore-database.ts) closes the clinic's database to new
 * connections for the few milliseconds its renames take. PostgreSQL refuses those connections at
 * once (SQLSTATE 55000, "not currently accepting connections"), which a clinic's pages would show
 * as an error; this pool waits instead, retrying (20 ms, 40 ms, … up to 200 ms apart) until the
 * database opens again or `waitMs` passes.
 * A move's cut-over (lib/moves) closes the old database the same way and stops the clinic's role
 * logging in there (28000), which it waits out too; once the clinic's row names the new server the
 * registry retires this pool (`stopWaiting`), the waits end at once, and the registry runs the
 * request again on the new server (lib/tenancy/lease-connections.ts says when that is safe).
 * Suspension works in the app before any connection is asked for.
 */
export class SwapWaitingPool extends pg.Pool {
  private readonly waitMs: number;
  private waiting = true;

  constructor(config: pg.PoolConfig, waitMs = SWAP_WAIT_MS) {
    super(config);
    this.waitMs = waitMs;
  }

  // pg-pool's own query() calls connect(callback) and listens for the client's errors within that
  // callback: it must be called synchronously from pg-pool's, or a session ended in between (as the
  // swap ends them) would emit an error with no listener and crash the process.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const deadline = Date.now() + this.waitMs;
    if (callback) {
      this.connectUntil(deadline, 0, callback);
      return undefined;
    }
    return new Promise((resolve, reject) => {
      this.connectUntil(deadline, 0, (error, client) => (client ? resolve(client) : reject(error)));
    });
  }

  /** The clinic's row changed: refusals are final from now on (the request is run again elsewhere). */
  stopWaiting(): void {
    this.waiting = false;
  }

  private connectUntil(deadline: number, attempt: number, callback: ConnectCallback): void {
    const lease = currentLeaseConnections();
    super.connect((error, client, done) => {
      const refused = error && isRefusedForSwap(error);
      if (refused && this.waiting && Date.now() < deadline) {
        // Backing off: each attempt attaches to the database for a moment, which delays the rename.
        const delay = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** attempt);
        setTimeout(() => this.connectUntil(deadline, attempt + 1, callback), delay);
        return;
      }
      if (lease && client) lease.connected = true;
      if (lease && refused) lease.refused = true;
      callback(error ?? undefined, client, done);
    });
  }
}

type ConnectCallback = (
  error: Error | undefined,
  client?: pg.PoolClient,
  done?: (release?: unknown) => void,
) => void;
