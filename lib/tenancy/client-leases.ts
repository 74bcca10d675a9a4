import type { DbTimeouts } from "@/lib/db/connection-timeouts";
import { clinicDatabaseUnavailableError } from "@/lib/db/database-unavailable";
import { AppError } from "@/lib/errors";
import { ClientCache } from "./client-cache";
import { ClientSlots } from "./client-slots";
import { type ConnectionUrlBuilder, connectionFingerprint, createTenantClient } from "./clinic-connection";
import type { ClinicRecord } from "./clinic-lookup";
import { describeConnectionError } from "./connection-error";
import { currentLeaseConnections, isRefusedForSwap } from "./lease-connections";
import { RecentUse } from "./recent-use";
import { type TenantClient, WrongDatabaseError } from "./tenant-client";

export type ClientLeasesOptions = {
  budget: number;
  poolMax: number;
  /** Most warm clients kept (TENANT_CLIENT_CACHE). */
  clientCache: number;
  /** A clinic's connections unused for this long are closed; its client stays warm. */
  idleTtlMs: number;
  waitTimeoutMs: number;
  timeouts: DbTimeouts;
  connectionUrl?: ConnectionUrlBuilder;
  log: (line: string) => void;
};

export type ClientMetrics = {
  /** Warm clients kept, and those of them holding connections. */
  cachedClients: number;
  connectedClients: number;
  /** Connections held to clinic databases, opening and closing ones included. */
  openConnections: number;
  leasedClients: number;
  /** Requests waiting for a connection slot right now. */
  waiting: number;
  /** Requests that found their clinic's client warm, and clients made. */
  clientHits: number;
  clientMisses: number;
  /** Idle clients closed to stay within TENANT_CLIENT_CACHE. */
  clientEvictions: number;
  /** Requests whose clinic held its connections already, and requests that needed a slot. */
  connectionHits: number;
  connectionMisses: number;
  /** Idle clinics whose connections were closed for another clinic's request. */
  connectionEvictions: number;
  waits: number;
  waitTimeouts: number;
};

export const shutdownError = () => new AppError("UNAVAILABLE", "The clinic service is shutting down.");

/**
 * Leases on clinic clients, with warm clients kept apart from open connections: up to
 * `clientCache` clients (one per clinic, bound to its database for life) and at most budget /
 * poolMax of them holding a connection slot at once, so the process never holds more than `budget`
 * tenant connections. A request gets its clinic's client (warm, or made now), then a slot unless
 * the clinic holds one: a free one, one freed by closing the least recently used idle clinic's
 * connections, or after a bounded wait.
 */
export class ClientLeases {
  private clientHits = 0;
  private clientMisses = 0;
  private connectionHits = 0;
  private connectionMisses = 0;
  private connectionEvictions = 0;
  private readonly cache: ClientCache;
  private readonly slots: ClientSlots;
  /** Clients holding a slot, live or retired: each may open up to poolMax connections. */
  private readonly connected = new Set<TenantClient>();
  /** Slots being waited for, by client: its clinic's requests meanwhile share the wait. */
  private readonly reserving = new Map<TenantClient, Promise<void>>();
  /** How busy each clinic has been lately, to keep busy clinics' connections open (RecentUse). */
  private readonly recentUse = new WeakMap<TenantClient, RecentUse>();
  private closed = false;
  private sweepTimer?: NodeJS.Timeout;

  constructor(private readonly options: ClientLeasesOptions) {
    this.cache = new ClientCache({
      capacity: options.clientCache,
      onClosed: (client) => this.settleSlot(client),
    });
    this.slots = new ClientSlots({
      capacity: Math.floor(options.budget / options.poolMax),
      waitTimeoutMs: options.waitTimeoutMs,
      held: () => this.connected.size,
      freeing: () =>
        [...this.connected].filter((client) => client.isClosingConnections || client.isClosing).length,
      evictIdle: (count) => this.closeIdleConnections(count),
    });
  }

  /** The clinic's client with one more lease on it and a checked connection; `release` it after use. */
  async lease(record: ClinicRecord): Promise<TenantClient> {
    const client = this.leaseClient(record);
    try {
      await this.holdSlot(client);
    } catch (error) {
      this.release(client);
      throw error;
    }
    try {
      await client.connect();
    } catch (error) {
      // Refused for a swap or move: nothing ran, the request may run again (registry).
      const lease = currentLeaseConnections();
      if (lease && isRefusedForSwap(error)) lease.refused = true;
      // Requests sharing the attempt fail alike; the first one logs it and retires the client.
      if (this.cache.find(client.subdomain) === client) {
        this.logConnectionFailure(client.subdomain, error);
        this.cache.retire(client);
      }
      this.release(client);
      throw clinicDatabaseUnavailableError();
    }
    return client;
  }

  release(client: TenantClient): void {
    this.cache.release(client);
    this.settleSlot(client);
    this.slots.pump();
  }

  /** The clinic's row changed: its client closes once no request holds it. */
  invalidate(subdomain: string): void {
    const client = this.cache.find(subdomain);
    if (client) this.cache.retire(client);
  }

  /** Starts closing the connections of clinics left idle for the idle TTL. */
  startSweeping(): void {
    const every = Math.min(30_000, Math.max(10, Math.floor(this.options.idleTtlMs / 2)));
    this.sweepTimer = setInterval(() => this.sweep(), every);
    this.sweepTimer.unref();
  }

  metrics(): ClientMetrics {
    const clients = this.cache.all();
    return {
      cachedClients: this.cache.size,
      connectedClients: this.connected.size,
      openConnections: clients.reduce((sum, client) => sum + client.connections, 0),
      leasedClients: clients.filter((client) => client.leases > 0).length,
      waiting: this.slots.waiting,
      clientHits: this.clientHits,
      clientMisses: this.clientMisses,
      clientEvictions: this.cache.evictions,
      connectionHits: this.connectionHits,
      connectionMisses: this.connectionMisses,
      connectionEvictions: this.connectionEvictions,
      waits: this.slots.waits,
      waitTimeouts: this.slots.waitTimeouts,
    };
  }

  /** Refuses the waiting requests and any later one, stops sweeping and closes every client. */
  close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    this.slots.close(shutdownError());
    return this.cache.close();
  }

  /** The cached client leased, or a new one: making one opens no connection, so it never waits. */
  private leaseClient(record: ClinicRecord): TenantClient {
    if (this.closed) throw shutdownError();
    const cached = this.cache.find(record.subdomain);
    if (cached?.fingerprint === connectionFingerprint(record)) {
      this.clientHits++;
      this.cache.lease(cached);
      this.recentUse.get(cached)?.record(Date.now());
      return cached;
    }
    // The row changed (a missed notification): the old client must not serve it any more.
    if (cached) this.cache.retire(cached);
    const client = this.createClient(record);
    this.clientMisses++;
    this.cache.add(client);
    const use = new RecentUse();
    use.record(Date.now());
    this.recentUse.set(client, use);
    return client;
  }

  private async holdSlot(client: TenantClient): Promise<void> {
    // Its connections are being closed for another clinic, whose slot it is now: it asks anew after.
    while (client.isClosingConnections) await client.closeIdleConnections();
    if (this.connected.has(client)) {
      this.connectionHits++;
      return;
    }
    this.connectionMisses++;
    await (this.reserving.get(client) ?? this.reserveSlot(client));
  }

  private reserveSlot(client: TenantClient): Promise<void> {
    const reserving = (async () => {
      try {
        await this.slots.reserve();
      } finally {
        this.reserving.delete(client);
      }
      this.connected.add(client);
      this.slots.settle();
    })();
    this.reserving.set(client, reserving);
    return reserving;
  }

  /** A client left without connections gives its slot back, unless a request holds it (it reconnects within it). */
  private settleSlot(client: TenantClient): void {
    if (!this.connected.has(client) || client.connections > 0) return;
    if (client.leases > 0 && !client.isClosingConnections && !client.isClosing) return;
    this.connected.delete(client);
    this.slots.pump();
  }

  /**
   * Closes the connections of up to `count` idle clinics, the least used lately first (then the least
   * recently used); their clients stay warm.
   */
  private closeIdleConnections(count: number): number {
    const now = Date.now();
    const candidates: { client: TenantClient; use: number; order: number }[] = [];
    let order = 0;
    for (const client of this.cache.leastRecentlyUsed()) {
      order++;
      if (!this.connected.has(client) || client.isClosingConnections || !client.isIdle()) continue;
      candidates.push({ client, use: this.recentUse.get(client)?.valueAt(now) ?? 0, order });
    }
    candidates.sort((a, b) => a.use - b.use || a.order - b.order);
    const closing = candidates.slice(0, count);
    for (const { client } of closing) {
      this.connectionEvictions++;
      void client.closeIdleConnections();
    }
    return closing.length;
  }

  private sweep(): void {
    const now = Date.now();
    for (const client of this.connected) {
      if (client.isClosing || client.isClosingConnections || !client.isIdle()) continue;
      if (now - client.lastUsedAt >= this.options.idleTtlMs) void client.closeIdleConnections();
    }
  }

  private createClient(record: ClinicRecord): TenantClient {
    try {
      const client: TenantClient = createTenantClient(record, {
        poolMax: this.options.poolMax,
        // Never by the pool itself: an idle connection closes through closeIdleConnections, so a
        // request arriving meanwhile waits for it to go before its clinic connects again.
        idleTimeoutMs: 0,
        timeouts: this.options.timeouts,
        applicationName: "clinic-tenant-registry",
        connectionUrl: this.options.connectionUrl,
        mayConnect: () => this.connected.has(client) && !client.isClosingConnections,
        onActivity: () => {
          this.settleSlot(client);
          this.slots.pump();
        },
      });
      return client;
    } catch (error) {
      this.logConnectionFailure(record.subdomain, error);
      throw clinicDatabaseUnavailableError();
    }
  }

  private logConnectionFailure(subdomain: string, error: unknown): void {
    const what = error instanceof WrongDatabaseError ? "refused a client that" : "cannot open its database:";
    this.options.log(`[tenant-registry] clinic ${subdomain}: ${what} ${describeConnectionError(error)}`);
  }
}
