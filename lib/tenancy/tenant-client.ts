import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { type DbTimeouts, pgTimeoutOptions } from "@/lib/db/connection-timeouts";
import { PrismaClient } from "@/lib/generated/tenant/client";
import { outsideLeaseConnections } from "./lease-connections";
import { SwapWaitingPool } from "./swap-waiting-pool";

export type TenantDb = PrismaClient;

export type TenantClientOptions = {
  subdomain: string;
  /** Connection details of the clinic row it was opened from; a changed row needs a new client. */
  fingerprint: string;
  databaseName: string;
  connectionString: string;
  poolMax: number;
  idleTimeoutMs: number;
  /** Connect, query and keepalive timeouts (lib/db/connection-timeouts.ts). */
  timeouts: DbTimeouts;
  /** Who holds the connections, as pg_stat_activity shows them. */
  applicationName: string;
  /** A pooled connection was given back: the client may have become evictable. */
  onActivity?: () => void;
};

// Waiting longer than this for sockets to close means the server is gone; the slot is freed anyway.
const SOCKET_CLOSE_TIMEOUT_MS = 5_000;

/**
 * One clinic's pg pool and the Prisma client on it. It counts its live sockets itself, because
 * `pool.end()` resolves before the server has let go of the connections, and a registry slot must
 * stay taken until they are really gone.
 */
export class TenantClient {
  readonly subdomain: string;
  readonly fingerprint: string;
  readonly databaseName: string;
  readonly pool: SwapWaitingPool;
  readonly db: TenantDb;
  /** Settles once `SELECT current_database()` has confirmed where the pool connects. */
  readonly ready: Promise<void>;
  leases = 0;
  lastUsedAt = Date.now();
  private verified = false;
  private closing?: Promise<void>;
  private readonly sockets = new Set<pg.Client>();
  private socketsGone?: () => void;

  constructor(options: TenantClientOptions) {
    this.subdomain = options.subdomain;
    this.fingerprint = options.fingerprint;
    this.databaseName = options.databaseName;
    this.pool = new SwapWaitingPool({
      connectionString: options.connectionString,
      max: options.poolMax,
      idleTimeoutMillis: options.idleTimeoutMs,
      ...pgTimeoutOptions(options.timeouts),
      allowExitOnIdle: true,
      application_name: options.applicationName,
    });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    this.pool.on("error", () => {});
    this.pool.on("connect", (socket) => this.track(socket));
    this.pool.on("acquire", () => {
      this.lastUsedAt = Date.now();
    });
    this.pool.on("release", () => {
      this.lastUsedAt = Date.now();
      // "release" fires before the connection is back among the idle ones.
      if (options.onActivity) queueMicrotask(options.onActivity);
    });
    this.db = new PrismaClient({ adapter: new PrismaPg(this.pool) });
    // Not counted as a request's connection: a request may still be run again elsewhere (lease-connections.ts).
    this.ready = outsideLeaseConnections(() => this.verifyDatabase());
    this.ready.catch(() => {});
  }

  get isClosing(): boolean {
    return this.closing !== undefined;
  }

  /** Connections this client holds on the server, closing ones included. */
  get connections(): number {
    return Math.max(this.pool.totalCount, this.sockets.size);
  }

  /** Verified, with no lease and no connection in use or awaited. */
  isIdle(): boolean {
    return (
      this.verified &&
      this.leases === 0 &&
      this.pool.waitingCount === 0 &&
      this.pool.idleCount === this.pool.totalCount
    );
  }

  /** Taken out of service: connections refused for a swap or move are not waited on any more. */
  retire(): void {
    this.pool.stopWaiting();
  }

  /** Disconnects Prisma, ends the pool and resolves once every socket it opened has closed. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      // The pool unrefs its sockets (allowExitOnIdle), and nothing else may be pending: without a
      // timer of its own, a script awaiting close() could see its event loop empty while the server
      // is slow to hang up, and exit 0 in the middle of its work (seen in the demo seed under load).
      const keepAlive = setInterval(() => {}, 1_000);
      try {
        await this.db.$disconnect().catch(() => {});
        await this.pool.end().catch(() => {});
        await this.allSocketsClosed();
      } finally {
        clearInterval(keepAlive);
      }
    })();
    return this.closing;
  }

  private async verifyDatabase(): Promise<void> {
    const result = await this.pool.query<{ name: string }>("SELECT current_database() AS name");
    const reached = result.rows[0]?.name;
    if (reached !== this.databaseName) throw new WrongDatabaseError(this.databaseName, reached ?? "");
    this.verified = true;
  }

  private track(socket: pg.Client): void {
    this.sockets.add(socket);
    socket.once("end", () => {
      this.sockets.delete(socket);
      if (this.sockets.size === 0) this.socketsGone?.();
    });
  }

  private allSocketsClosed(): Promise<void> {
    if (this.sockets.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, SOCKET_CLOSE_TIMEOUT_MS);
      timer.unref();
      this.socketsGone = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** The pool reached another database than the clinic row names (a misrouted pooler or DNS). */
export class WrongDatabaseError extends Error {
  override name = "WrongDatabaseError";
  constructor(
    readonly expected: string,
    readonly reached: string,
  ) {
    super(`connected to database "${reached}" instead of "${expected}"`);
  }
}
