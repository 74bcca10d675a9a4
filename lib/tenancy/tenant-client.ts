import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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
  /** How long an idle connection stays in the pool; 0: until closed by its owner. */
  idleTimeoutMs: number;
  /** Connect, query and keepalive timeouts (lib/db/connection-timeouts.ts). */
  timeouts: DbTimeouts;
  /** Who holds the connections, as pg_stat_activity shows them. */
  applicationName: string;
  /** Asked before every connection the pool opens (the registry's connection budget); yes when omitted. */
  mayConnect?: () => boolean;
  /** A pooled connection was given back or closed: the client may have become evictable or unconnected. */
  onActivity?: () => void;
};

// Waiting longer than this for sockets to close means the server is gone; the slot is freed anyway.
const SOCKET_CLOSE_TIMEOUT_MS = 5_000;

/**
 * One clinic's pg pool and the Prisma client on it, bound to that clinic for life. Every connection
 * it opens is checked with `current_database()` before any query runs on it. It counts its sockets
 * itself, from the connection attempt until the socket has closed, because `pool.end()` resolves
 * before the server has let go of the connections, and the registry's budget must count them.
 */
export class TenantClient {
  readonly subdomain: string;
  readonly fingerprint: string;
  readonly databaseName: string;
  readonly pool: SwapWaitingPool;
  readonly db: TenantDb;
  leases = 0;
  /** When its last lease ended: the idle TTL counts from here. */
  lastUsedAt = Date.now();
  private connecting?: Promise<void>;
  private closingConnections?: Promise<void>;
  private closing?: Promise<void>;
  private readonly sockets = new Set<pg.Client>();
  private socketsGone: (() => void)[] = [];
  private readonly onActivity: () => void;

  constructor(options: TenantClientOptions) {
    this.subdomain = options.subdomain;
    this.fingerprint = options.fingerprint;
    this.databaseName = options.databaseName;
    this.onActivity = options.onActivity ?? (() => {});
    this.pool = new SwapWaitingPool({
      connectionString: options.connectionString,
      max: options.poolMax,
      idleTimeoutMillis: options.idleTimeoutMs,
      ...pgTimeoutOptions(options.timeouts),
      allowExitOnIdle: true,
      application_name: options.applicationName,
      Client: countedConnection({
        mayConnect: options.mayConnect ?? (() => true),
        opened: (socket) => this.track(socket),
      }),
      // Checked before the pool hands the new connection to anyone (a misrouted pooler or DNS).
      onConnect: (connection) => this.verifyDatabase(connection),
    });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    this.pool.on("error", () => {});
    // "release" fires before the connection is back among the idle ones.
    this.pool.on("release", () => queueMicrotask(this.onActivity));
    this.db = new PrismaClient({ adapter: new PrismaPg(this.pool) });
  }

  get isClosing(): boolean {
    return this.closing !== undefined;
  }

  /** Its idle connections are being closed for another clinic (the client stays warm). */
  get isClosingConnections(): boolean {
    return this.closingConnections !== undefined;
  }

  /** Connections this client holds on the server, opening and closing ones included. */
  get connections(): number {
    return this.sockets.size;
  }

  /** No lease and no connection in use, opening or awaited. */
  isIdle(): boolean {
    return (
      this.leases === 0 &&
      this.pool.waitingCount === 0 &&
      this.pool.idleCount === this.pool.totalCount &&
      this.connecting === undefined
    );
  }

  /**
   * Resolves once the pool holds a connection, opening one (and so checking its database) when it
   * has none; requests meanwhile share the attempt. Its failure is the clinic's, not a request's:
   * it is not counted among the request's connections (lease-connections.ts).
   */
  connect(): Promise<void> {
    if (this.connecting) return this.connecting;
    if (this.pool.totalCount > 0) return Promise.resolve();
    const connecting = outsideLeaseConnections(async () => {
      (await this.pool.connect()).release();
    }).finally(() => {
      this.connecting = undefined;
    });
    this.connecting = connecting;
    return connecting;
  }

  /**
   * Closes its idle connections, keeping the pool and the Prisma client warm; resolves once their
   * sockets are gone. pg-pool has no call for this, so it goes through the public API: a checkout
   * while nobody waits takes an idle connection (pg-pool serves waiters in order), and
   * `release(true)` destroys a connection instead of keeping it.
   */
  closeIdleConnections(): Promise<void> {
    this.closingConnections ??= (async () => {
      const idle = this.pool.waitingCount === 0 ? this.pool.idleCount : 0;
      const checkouts = Array.from({ length: idle }, () =>
        outsideLeaseConnections(() => this.pool.connect()),
      );
      for (const checkout of checkouts) (await checkout.catch(() => undefined))?.release(true);
      await this.allSocketsClosed();
    })().finally(() => {
      this.closingConnections = undefined;
    });
    return this.closingConnections;
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

  private async verifyDatabase(connection: pg.ClientBase): Promise<void> {
    const result = await connection.query<{ name: string }>("SELECT current_database() AS name");
    const reached = result.rows[0]?.name;
    if (reached !== this.databaseName) throw new WrongDatabaseError(this.databaseName, reached ?? "");
  }

  private track(socket: pg.Client): void {
    this.sockets.add(socket);
    socket.once("end", () => {
      this.sockets.delete(socket);
      if (this.sockets.size === 0) for (const gone of this.socketsGone.splice(0)) gone();
      this.onActivity();
    });
  }

  private allSocketsClosed(): Promise<void> {
    if (this.sockets.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, SOCKET_CLOSE_TIMEOUT_MS);
      timer.unref();
      this.socketsGone.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/**
 * pg's client class for the pool: every connection the pool opens passes here, so none opens
 * without the registry's leave (a stray query after its request may not take another clinic's
 * slot), and each is counted from its attempt until its socket ends.
 */
function countedConnection(hooks: { mayConnect: () => boolean; opened: (socket: pg.Client) => void }) {
  return class CountedConnection extends pg.Client {
    override connect(): Promise<pg.Client>;
    override connect(callback: (error: Error) => void): void;
    override connect(callback?: (error: Error) => void): Promise<pg.Client> | undefined {
      if (!hooks.mayConnect()) {
        const refused = new Error(
          "This clinic has no connection slot now: run its queries inside its request (withTenantDb).",
        );
        if (!callback) return Promise.reject(refused);
        process.nextTick(callback, refused);
        return undefined;
      }
      hooks.opened(this);
      if (!callback) return super.connect();
      super.connect(callback);
      return undefined;
    }
  };
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
