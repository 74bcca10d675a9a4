import type { CentralDb } from "@/lib/db/central";
import { AppError } from "@/lib/errors";
import { ClientSlots } from "./client-slots";
import { ClinicChangeListener } from "./clinic-change-listener";
import {
  ClinicLookup,
  type ClinicRecord,
  clinicNotFoundError,
  clinicUnusableError,
  type TenantClinic,
  toTenantClinic,
} from "./clinic-lookup";
import { resolveConnectionSettings } from "./registry-settings";
import {
  type ConnectionUrlBuilder,
  clinicConnectionString,
  connectionFingerprint,
  describeConnectionError,
  TenantClient,
  type TenantDb,
  WrongDatabaseError,
} from "./tenant-client";

export type { TenantClinic } from "./clinic-lookup";
export { readTenantConnectionSettings } from "./registry-settings";
export type { TenantDb } from "./tenant-client";

export type TenantRegistryOptions = {
  central: CentralDb;
  /** The central database's URL, for LISTEN clinic_changed; without it lookups only expire. */
  centralUrl?: string;
  /** Most tenant connections this process may hold; TENANT_CONNECTION_BUDGET when omitted. */
  budget?: number;
  /** Pool size of each clinic's client; TENANT_POOL_MAX when omitted. */
  poolMax?: number;
  /** A client nobody used for this long is closed (default 5 minutes). */
  idleTtlMs?: number;
  /** How long a clinic row is trusted without a notification (default 5 s). */
  lookupTtlMs?: number;
  /** How long a request waits for a client before the "busy" error (default 5 s). */
  waitTimeoutMs?: number;
  /** A client handed out by getTenantDb is kept this long after the hand-out (default 5 s). */
  graceMs?: number;
  connectTimeoutMs?: number;
  /** How to reach a clinic's database; its own row and server by default. */
  connectionUrl?: ConnectionUrlBuilder;
  env?: Readonly<Record<string, string | undefined>>;
  /** One line per event an operator should see; never given secrets. */
  log?: (line: string) => void;
};

export type TenantRegistryMetrics = {
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
  /** Clinic rows answered from the cache, and read from the central database. */
  lookupHits: number;
  lookupMisses: number;
  budget: number;
  poolMax: number;
};

/** A client being opened: requests for the same clinic meanwhile share it. */
type Opening = { fingerprint: string; joiners: number; invalidated: boolean; client: Promise<TenantClient> };

const unreachableError = () =>
  new AppError(
    "UNAVAILABLE",
    "This clinic's database is not available right now. Please try again in a moment.",
  );
const closedError = () => new AppError("UNAVAILABLE", "The clinic service is shutting down.");

/**
 * Every clinic's Prisma client, cached LRU under a connection budget: at most budget / poolMax
 * clients exist, so the process never holds more than `budget` tenant connections. A client in
 * use is never evicted; when all are in use, a request waits for one instead of opening more.
 */
export class TenantRegistry {
  readonly budget: number;
  readonly poolMax: number;
  readonly lookup: ClinicLookup;
  private readonly options: TenantRegistryOptions;
  private readonly idleTtlMs: number;
  private readonly graceMs: number;
  private readonly log: (line: string) => void;
  private readonly slots: ClientSlots;
  private readonly listener?: ClinicChangeListener;
  /** Live clients by subdomain, least recently checked out first. */
  private readonly clients = new Map<string, TenantClient>();
  /** Invalidated or evicted clients: they keep their slot until their connections are closed. */
  private readonly retired = new Set<TenantClient>();
  private readonly openings = new Map<string, Opening>();
  private closingClients = 0;
  private readonly counters = { hits: 0, misses: 0, evictions: 0 };
  private started = false;
  private closed = false;
  private sweepTimer?: NodeJS.Timeout;
  private graceTimer?: NodeJS.Timeout;

  constructor(options: TenantRegistryOptions) {
    const { budget, poolMax } = resolveConnectionSettings(options);
    this.budget = budget;
    this.poolMax = poolMax;
    this.options = options;
    this.idleTtlMs = options.idleTtlMs ?? 5 * 60_000;
    this.graceMs = options.graceMs ?? 5_000;
    this.log = options.log ?? ((line) => console.error(line));
    this.lookup = new ClinicLookup({ central: options.central, ttlMs: options.lookupTtlMs ?? 5_000 });
    this.slots = new ClientSlots({
      capacity: Math.floor(budget / poolMax),
      waitTimeoutMs: options.waitTimeoutMs ?? 5_000,
      held: () => this.clients.size + this.retired.size,
      freeing: () => this.closingClients,
      evictIdle: (count) => this.evictIdle(count),
    });
    if (options.centralUrl) {
      this.listener = new ClinicChangeListener({
        url: options.centralUrl,
        onChange: (subdomain) => this.invalidateClinic(subdomain),
        // Changes made while nobody listened were missed: forget every row read before.
        onListening: () => this.lookup.clear(),
        log: this.log,
      });
    }
  }

  /** Runs `work` with the clinic's client, leased (never evicted) until `work` settles. */
  async withTenantDb<T>(
    subdomain: string,
    work: (db: TenantDb, clinic: TenantClinic) => Promise<T>,
  ): Promise<T> {
    const { client, clinic } = await this.checkOut(subdomain);
    try {
      return await work(client.db, clinic);
    } finally {
      this.release(client);
    }
  }

  /**
   * The clinic's client for a short read (a server component): kept for a grace window after the
   * hand-out and while its queries run. Prefer withTenantDb for anything longer.
   */
  async getTenantDb(subdomain: string): Promise<TenantDb> {
    const { client } = await this.checkOut(subdomain);
    client.graceUntil = Date.now() + this.graceMs;
    this.release(client);
    return client.db;
  }

  /** The clinic a subdomain names, whatever its status, or null for "no clinic at this address". */
  async resolveClinic(subdomain: string): Promise<TenantClinic | null> {
    const record = await this.findClinic(subdomain);
    return record && toTenantClinic(record);
  }

  /** Forgets the clinic's row and closes its client (once no request holds it). */
  invalidateClinic(subdomain: string): void {
    this.lookup.invalidate(subdomain);
    const client = this.clients.get(subdomain);
    if (client) this.retire(client);
    const opening = this.openings.get(subdomain);
    if (opening) opening.invalidated = true;
  }

  /** Resolves once cross-process invalidation is listening (at once without a centralUrl). */
  async startListening(): Promise<void> {
    this.start();
    await this.listener?.whenListening();
  }

  metrics(): TenantRegistryMetrics {
    const all = [...this.clients.values(), ...this.retired];
    return {
      cachedClients: this.clients.size,
      openConnections: all.reduce((sum, client) => sum + client.connections, 0),
      leasedClients: all.filter((client) => client.leases > 0).length,
      waiting: this.slots.waiting,
      ...this.counters,
      waits: this.slots.waits,
      waitTimeouts: this.slots.waitTimeouts,
      lookupHits: this.lookup.hits,
      lookupMisses: this.lookup.misses,
      budget: this.budget,
      poolMax: this.poolMax,
    };
  }

  /** Stops the sweep and the listener and closes every client; for shutdown and tests. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.graceTimer);
    this.slots.close(closedError());
    const clients = [...this.clients.values(), ...this.retired];
    this.clients.clear();
    await Promise.all([this.listener?.close(), ...clients.map((client) => client.close())]);
  }

  private start(): void {
    if (this.closed) throw closedError();
    if (this.started) return;
    this.started = true;
    const every = Math.min(30_000, Math.max(10, Math.floor(this.idleTtlMs / 2)));
    this.sweepTimer = setInterval(() => this.sweep(), every);
    this.sweepTimer.unref();
    void this.listener?.start();
  }

  private async findClinic(subdomain: string): Promise<ClinicRecord | null> {
    this.start();
    try {
      return await this.lookup.find(subdomain);
    } catch (error) {
      this.log(`[tenant-registry] clinic lookup failed: ${describeConnectionError(error)}`);
      throw new AppError(
        "UNAVAILABLE",
        "The clinic service is unavailable right now. Please try again in a moment.",
      );
    }
  }

  private async checkOut(subdomain: string): Promise<{ client: TenantClient; clinic: TenantClinic }> {
    const record = await this.findClinic(subdomain);
    if (!record) throw clinicNotFoundError();
    const clinic = toTenantClinic(record);
    const refusal = clinicUnusableError(clinic);
    if (refusal || !clinic) throw refusal ?? clinicNotFoundError();
    const client = await this.leaseClient(record);
    try {
      await client.ready;
    } catch (error) {
      this.release(client);
      throw error instanceof AppError ? error : unreachableError();
    }
    return { client, clinic };
  }

  /** The clinic's client with one more lease on it: cached, being opened, or opened now. */
  private async leaseClient(record: ClinicRecord): Promise<TenantClient> {
    const fingerprint = connectionFingerprint(record);
    for (;;) {
      if (this.closed) throw closedError();
      const cached = this.clients.get(record.subdomain);
      if (cached?.fingerprint === fingerprint) {
        this.counters.hits++;
        this.clients.delete(record.subdomain);
        this.clients.set(record.subdomain, cached);
        cached.leases++;
        return cached;
      }
      // The row changed (a missed notification): the old client must not serve it any more.
      if (cached) this.retire(cached);
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
    const opening: Opening = { fingerprint, joiners: 0, invalidated: false, client: undefined as never };
    opening.client = (async () => {
      try {
        await this.slots.reserve();
      } finally {
        if (this.openings.get(subdomain) === opening) this.openings.delete(subdomain);
      }
      try {
        if (this.closed) throw closedError();
        const client = this.createClient(record, fingerprint);
        this.counters.misses++;
        this.clients.set(subdomain, client);
        client.leases = 1 + opening.joiners;
        client.ready.catch((error) => {
          this.logConnectionFailure(subdomain, error);
          this.retire(client);
        });
        // Its row changed while it waited: serve the requests that asked for it, then close it.
        if (opening.invalidated) this.retire(client);
        return client;
      } finally {
        this.slots.settle();
      }
    })();
    this.openings.set(subdomain, opening);
    return opening.client;
  }

  private createClient(record: ClinicRecord, fingerprint: string): TenantClient {
    let connectionString: string;
    try {
      connectionString = clinicConnectionString(record, this.options.connectionUrl);
    } catch (error) {
      this.logConnectionFailure(record.subdomain, error);
      throw unreachableError();
    }
    return new TenantClient({
      subdomain: record.subdomain,
      fingerprint,
      databaseName: record.databaseName,
      connectionString,
      poolMax: this.poolMax,
      idleTimeoutMs: this.idleTtlMs,
      connectTimeoutMs: this.options.connectTimeoutMs ?? 10_000,
      onActivity: () => this.slots.pump(),
    });
  }

  private logConnectionFailure(subdomain: string, error: unknown): void {
    const what = error instanceof WrongDatabaseError ? "refused a client that" : "cannot open its database:";
    this.log(`[tenant-registry] clinic ${subdomain}: ${what} ${describeConnectionError(error)}`);
  }

  private release(client: TenantClient): void {
    client.leases--;
    client.lastUsedAt = Date.now();
    if (client.leases === 0 && this.retired.has(client)) this.closeRetired(client);
    this.slots.pump();
  }

  /** Closes up to `count` idle clients, least recently used first, for requests waiting for a slot. */
  private evictIdle(count: number): number {
    const now = Date.now();
    let evicted = 0;
    for (const client of this.clients.values()) {
      if (evicted === count) break;
      if (!client.isIdle(now)) continue;
      this.counters.evictions++;
      this.retire(client);
      evicted++;
    }
    if (evicted < count) this.wakeAfterGrace(now);
    return evicted;
  }

  // A client kept only by its grace window becomes evictable without any event: check again then.
  private wakeAfterGrace(now: number): void {
    clearTimeout(this.graceTimer);
    const graceEnds = [...this.clients.values()]
      .filter((client) => client.leases === 0 && client.graceUntil > now)
      .map((client) => client.graceUntil);
    if (graceEnds.length === 0) return;
    this.graceTimer = setTimeout(() => this.slots.pump(), Math.min(...graceEnds) - now + 1);
    this.graceTimer.unref();
  }

  private retire(client: TenantClient): void {
    if (this.clients.get(client.subdomain) === client) this.clients.delete(client.subdomain);
    if (this.retired.has(client) || this.closed) return;
    this.retired.add(client);
    if (client.leases === 0) this.closeRetired(client);
  }

  private closeRetired(client: TenantClient): void {
    if (client.isClosing) return;
    this.closingClients++;
    void client.close().finally(() => {
      this.closingClients--;
      this.retired.delete(client);
      this.slots.pump();
    });
  }

  private sweep(): void {
    const now = Date.now();
    for (const client of [...this.clients.values()]) {
      if (client.isIdle(now) && now - client.lastUsedAt >= this.idleTtlMs) this.retire(client);
    }
  }
}
