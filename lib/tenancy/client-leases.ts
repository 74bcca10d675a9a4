import type { DbTimeouts } from "@/lib/db/connection-timeouts";
import { clinicDatabaseUnavailableError } from "@/lib/db/database-unavailable";
import { AppError } from "@/lib/errors";
import { ClientCache } from "./client-cache";
import { ClientSlots } from "./client-slots";
import { type ConnectionUrlBuilder, connectionFingerprint, createTenantClient } from "./clinic-connection";
import type { ClinicRecord } from "./clinic-lookup";
import { describeConnectionError } from "./connection-error";
import { currentLeaseConnections, isRefusedForSwap } from "./lease-connections";
import { type TenantClient, WrongDatabaseError } from "./tenant-client";

export type ClientLeasesOptions = {
  budget: number;
  poolMax: number;
  idleTtlMs: number;
  waitTimeoutMs: number;
  timeouts: DbTimeouts;
  connectionUrl?: ConnectionUrlBuilder;
  log: (line: string) => void;
};

export type ClientMetrics = {
  cachedClients: number;
  /** Connections held to clinic databases, closing ones included. */
  openConnections: number;
  leasedClients: number;
  /** Requests waiting for a client right now. */
  waiting: number;
  /** Requests served by a cached client, and clients opened. */
  hits: number;
  misses: number;
  evictions: number;
  waits: number;
  waitTimeouts: number;
};

/** A client being opened: requests for the same clinic meanwhile share it. */
type Opening = { fingerprint: string; joiners: number; invalidated: boolean; client: Promise<TenantClient> };

export const shutdownError = () => new AppError("UNAVAILABLE", "The clinic service is shutting down.");

/**
 * Leases on clinic clients under a connection budget: at most budget / poolMax clients exist, so
 * the process never holds more than `budget` tenant connections. A request gets the cached client,
 * shares one being opened, or waits (bounded) for a slot to open its own.
 */
export class ClientLeases {
  private hits = 0;
  private misses = 0;
  private readonly cache: ClientCache;
  private readonly slots: ClientSlots;
  private readonly openings = new Map<string, Opening>();
  private closed = false;

  constructor(private readonly options: ClientLeasesOptions) {
    this.cache = new ClientCache({ idleTtlMs: options.idleTtlMs, onClosed: () => this.slots.pump() });
    this.slots = new ClientSlots({
      capacity: Math.floor(options.budget / options.poolMax),
      waitTimeoutMs: options.waitTimeoutMs,
      held: () => this.cache.held,
      freeing: () => this.cache.freeing,
      evictIdle: (count) => this.cache.evictIdle(count),
    });
  }

  /** The clinic's client with one more lease on it, its database confirmed; `release` it after use. */
  async lease(record: ClinicRecord): Promise<TenantClient> {
    const client = await this.leaseClient(record);
    try {
      await client.ready;
    } catch (error) {
      // Its check was refused for a swap or move: nothing ran, the request may run again (registry).
      const lease = currentLeaseConnections();
      if (lease && isRefusedForSwap(error)) lease.refused = true;
      this.release(client);
      throw clinicDatabaseUnavailableError();
    }
    return client;
  }

  release(client: TenantClient): void {
    this.cache.release(client);
    this.slots.pump();
  }

  /** The clinic's row changed: its client closes once no request holds it, and one being opened too. */
  invalidate(subdomain: string): void {
    const client = this.cache.find(subdomain);
    if (client) this.cache.retire(client);
    const opening = this.openings.get(subdomain);
    if (opening) opening.invalidated = true;
  }

  startSweeping(): void {
    this.cache.startSweeping();
  }

  metrics(): ClientMetrics {
    const clients = this.cache.all();
    return {
      cachedClients: this.cache.size,
      openConnections: clients.reduce((sum, client) => sum + client.connections, 0),
      leasedClients: clients.filter((client) => client.leases > 0).length,
      waiting: this.slots.waiting,
      hits: this.hits,
      misses: this.misses,
      evictions: this.cache.evictions,
      waits: this.slots.waits,
      waitTimeouts: this.slots.waitTimeouts,
    };
  }

  /** Refuses the waiting requests and any later one, and closes every client. */
  close(): Promise<void> {
    this.closed = true;
    this.slots.close(shutdownError());
    return this.cache.close();
  }

  /** The cached client, the one being opened, or one opened now. */
  private async leaseClient(record: ClinicRecord): Promise<TenantClient> {
    const fingerprint = connectionFingerprint(record);
    for (;;) {
      if (this.closed) throw shutdownError();
      const cached = this.cache.find(record.subdomain);
      if (cached?.fingerprint === fingerprint) {
        this.hits++;
        this.cache.lease(cached);
        return cached;
      }
      // The row changed (a missed notification): the old client must not serve it any more.
      if (cached) this.cache.retire(cached);
      const opening = this.openings.get(record.subdomain);
      if (!opening) return this.openClient(record, fingerprint);
      if (opening.fingerprint === fingerprint && !opening.invalidated) {
        opening.joiners++;
        return opening.client;
      }
      await opening.client.catch(() => {});
    }
  }

  private openClient(record: ClinicRecord, fingerprint: string): Promise<TenantClient> {
    const { subdomain } = record;
    const waiting = { fingerprint, joiners: 0, invalidated: false };
    const client = (async () => {
      try {
        await this.slots.reserve();
      } finally {
        if (this.openings.get(subdomain) === waiting) this.openings.delete(subdomain);
      }
      try {
        if (this.closed) throw shutdownError();
        const opened = this.createClient(record);
        this.misses++;
        this.cache.add(opened, 1 + waiting.joiners);
        opened.ready.catch((error) => {
          this.logConnectionFailure(subdomain, error);
          this.cache.retire(opened);
        });
        // Its row changed while it waited: serve the requests that asked for it, then close it.
        if (waiting.invalidated) this.cache.retire(opened);
        return opened;
      } finally {
        this.slots.settle();
      }
    })();
    const opening: Opening = Object.assign(waiting, { client });
    this.openings.set(subdomain, opening);
    return client;
  }

  private createClient(record: ClinicRecord): TenantClient {
    try {
      return createTenantClient(record, {
        poolMax: this.options.poolMax,
        idleTimeoutMs: this.options.idleTtlMs,
        timeouts: this.options.timeouts,
        applicationName: "clinic-tenant-registry",
        connectionUrl: this.options.connectionUrl,
        onActivity: () => this.slots.pump(),
      });
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
