import type { CentralDb } from "@/lib/db/central";
import { type DbTimeouts, readDbTimeouts } from "@/lib/db/connection-timeouts";
import { cleanDatabaseError } from "@/lib/db/database-error";
import {
  centralDatabaseUnavailableError,
  clinicDatabaseUnavailableError,
  isDatabaseUnavailable,
} from "@/lib/db/database-unavailable";
import { withinRequestBudget } from "@/lib/db/request-budget";
import { CentralChangeListener } from "./central-change-listener";
import { ClientLeases, type ClientMetrics, shutdownError } from "./client-leases";
import { type ConnectionUrlBuilder, connectionFingerprint } from "./clinic-connection";
import {
  ClinicLookup,
  type ClinicRecord,
  clinicNotFoundError,
  clinicUnusableError,
  type TenantClinic,
  toTenantClinic,
} from "./clinic-lookup";
import { describeConnectionError } from "./connection-error";
import { type LeaseConnections, recordLeaseConnections } from "./lease-connections";
import { resolveRegistrySettings } from "./registry-settings";
import type { TenantDb } from "./tenant-client";

export type { TenantClinic } from "./clinic-lookup";
export type { TenantDb } from "./tenant-client";

export type TenantRegistryOptions = {
  central: CentralDb;
  /** The central database's URL, for LISTEN clinic_changed; without it lookups only expire. */
  centralUrl?: string;
  /** Most tenant connections this process may hold; TENANT_CONNECTION_BUDGET when omitted. */
  budget?: number;
  /** Pool size of each clinic's client; TENANT_POOL_MAX when omitted. */
  poolMax?: number;
  /** Most clinics whose clients are kept warm; TENANT_CLIENT_CACHE when omitted. */
  clientCache?: number;
  /** A clinic's connections nobody used for this long are closed; its client stays warm (default 5 minutes). */
  idleTtlMs?: number;
  /** How long a clinic row is trusted without a notification (default 5 s). */
  lookupTtlMs?: number;
  /** How long a request waits for a connection slot before the "busy" error (default 5 s). */
  waitTimeoutMs?: number;
  /** Connect, query and keepalive timeouts of every connection it opens; DB_* env when omitted. */
  timeouts?: DbTimeouts;
  /** How to reach a clinic's database; its own row and server by default. */
  connectionUrl?: ConnectionUrlBuilder;
  env?: Readonly<Record<string, string | undefined>>;
  /** One line per event an operator should see; never given secrets. */
  log?: (line: string) => void;
};

export type TenantRegistryMetrics = ClientMetrics & {
  /** Clinic rows answered from the cache, and read from the central database. */
  lookupHits: number;
  lookupMisses: number;
  budget: number;
  poolMax: number;
  clientCache: number;
};

/**
 * Every clinic's Prisma client for request code: warm clients kept LRU for up to `clientCache`
 * clinics, and a connection budget shared by all their pools (see ClientLeases). Neither a client
 * nor a connection in use is ever taken away; when every connection slot is in use, a request waits
 * for one instead of opening more. Clinic rows are cached briefly and dropped when NOTIFY says they
 * changed.
 */
export class TenantRegistry {
  readonly budget: number;
  readonly poolMax: number;
  readonly clientCache: number;
  readonly lookup: ClinicLookup;
  private readonly clients: ClientLeases;
  /** The process's LISTEN connection to the central database, when it has a URL for one. */
  readonly listener?: CentralChangeListener;
  private readonly log: (line: string) => void;
  /** How long one request may wait on databases in all (DB_CONNECT_TIMEOUT_MS + DB_QUERY_TIMEOUT_MS). */
  private readonly requestBudgetMs: number;
  private started = false;
  private closed = false;

  constructor(options: TenantRegistryOptions) {
    const { budget, poolMax, clientCache } = resolveRegistrySettings(options);
    this.budget = budget;
    this.poolMax = poolMax;
    this.clientCache = clientCache;
    this.log = options.log ?? ((line) => console.error(line));
    const timeouts = options.timeouts ?? readDbTimeouts(options.env);
    this.requestBudgetMs = timeouts.connectTimeoutMs + timeouts.queryTimeoutMs;
    this.lookup = new ClinicLookup({ central: options.central, ttlMs: options.lookupTtlMs ?? 5_000 });
    this.clients = new ClientLeases({
      budget,
      poolMax,
      clientCache,
      idleTtlMs: options.idleTtlMs ?? 5 * 60_000,
      waitTimeoutMs: options.waitTimeoutMs ?? 5_000,
      timeouts,
      connectionUrl: options.connectionUrl,
      log: this.log,
    });
    if (options.centralUrl) {
      this.listener = new CentralChangeListener({ url: options.centralUrl, log: this.log, timeouts });
      // The central `clinics` trigger notifies it with the clinic's subdomain.
      this.listener.subscribe("clinic_changed", {
        onChange: (subdomain) => this.invalidateClinic(subdomain),
        // Changes made while nobody listened were missed: forget every row read before.
        onListening: () => this.lookup.clear(),
      });
    }
  }

  /**
   * Runs `work` with the clinic's client, leased (never evicted) until `work` settles. A request
   * whose connections were all refused at login by a move's fencing sent nothing, so once the
   * clinic's row names its new database the request runs there, once.
   */
  async withTenantDb<T>(
    subdomain: string,
    work: (db: TenantDb, clinic: TenantClinic) => Promise<T>,
  ): Promise<T> {
    return withinRequestBudget(this.requestBudgetMs, clinicDatabaseUnavailableError, async () => {
      const record = await this.findClinic(subdomain);
      const first: LeaseConnections = { connected: false, refused: false };
      try {
        return await recordLeaseConnections(first, () => this.runLeased(record, work));
      } catch (error) {
        if (!first.refused || first.connected || !record) throw error;
        this.lookup.invalidate(subdomain);
        const now = await this.findClinic(subdomain);
        // Still where it was (a restore's swap or a move by backup, longer than the wait): try again soon.
        if (!now || connectionFingerprint(now) === connectionFingerprint(record))
          throw clinicDatabaseUnavailableError();
        return this.runLeased(now, work);
      }
    });
  }

  private async runLeased<T>(
    record: ClinicRecord | null,
    work: (db: TenantDb, clinic: TenantClinic) => Promise<T>,
  ): Promise<T> {
    const clinic = record && toTenantClinic(record);
    const refusal = clinicUnusableError(clinic);
    if (!record || !clinic || refusal) throw refusal ?? clinicNotFoundError();
    const client = await this.clients.lease(record);
    try {
      return await work(client.db, clinic);
    } catch (error) {
      // An outage reads "try again in a minute"; anything else names the failure, never the query's text.
      if (isDatabaseUnavailable(error)) throw clinicDatabaseUnavailableError();
      throw cleanDatabaseError(error);
    } finally {
      this.clients.release(client);
    }
  }

  /** The clinic a subdomain names, whatever its status, or null for "no clinic at this address". */
  async resolveClinic(subdomain: string): Promise<TenantClinic | null> {
    const record = await withinRequestBudget(this.requestBudgetMs, centralDatabaseUnavailableError, () =>
      this.findClinic(subdomain),
    );
    return record && toTenantClinic(record);
  }

  /** Forgets the clinic's row and closes its client and connections (once no request holds them). */
  invalidateClinic(subdomain: string): void {
    this.lookup.invalidate(subdomain);
    this.clients.invalidate(subdomain);
  }

  /** Resolves once cross-process invalidation is listening (at once without a centralUrl). */
  async startListening(): Promise<void> {
    this.start();
    await this.listener?.whenListening();
  }

  metrics(): TenantRegistryMetrics {
    return {
      ...this.clients.metrics(),
      lookupHits: this.lookup.hits,
      lookupMisses: this.lookup.misses,
      budget: this.budget,
      poolMax: this.poolMax,
      clientCache: this.clientCache,
    };
  }

  /** Stops the sweep and the listener and closes every client; for shutdown and tests. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.listener?.close(), this.clients.close()]);
  }

  private start(): void {
    if (this.closed) throw shutdownError();
    if (this.started) return;
    this.started = true;
    this.clients.startSweeping();
    void this.listener?.start();
  }

  private async findClinic(subdomain: string): Promise<ClinicRecord | null> {
    this.start();
    try {
      return await this.lookup.find(subdomain);
    } catch (error) {
      this.log(`[tenant-registry] clinic lookup failed: ${describeConnectionError(error)}`);
      throw centralDatabaseUnavailableError();
    }
  }
}
