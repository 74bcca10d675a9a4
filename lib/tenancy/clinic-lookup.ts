import { LRUCache } from "lru-cache";
import type { CentralDb } from "@/lib/db/central";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { AppError } from "@/lib/errors";
import type { Clinic, ClinicStatus, DatabaseServer } from "@/lib/generated/central/client";
import { parseSubdomain } from "@/lib/validations/subdomain";

/** A clinic row with the server its database lives on: what the registry connects from. */
export type ClinicRecord = Clinic & { databaseServer: DatabaseServer | null };

/** What pages and actions may know about the clinic they serve: no connection details. */
export type TenantClinic = Pick<Clinic, "id" | "name" | "subdomain" | "status" | "statusReason">;

export type ClinicLookupOptions = { central: CentralDb; ttlMs: number; maxEntries?: number };

// lru-cache holds no null, and an unknown subdomain's answer is worth keeping too.
type CachedLookup = { clinic: ClinicRecord | null };

// To visitors these clinics do not exist: gone, going, or never finished.
const HIDDEN_STATUSES: ReadonlySet<ClinicStatus> = new Set(["DELETING", "DELETED", "FAILED"]);

/**
 * Subdomain → clinic row, cached for a few seconds (unknown subdomains too, so a scan of made-up
 * hosts does not hit the central database per request), the least recently used dropped beyond
 * `maxEntries`. Concurrent lookups share one query.
 */
export class ClinicLookup {
  hits = 0;
  misses = 0;
  /** Rows kept past their TTL and used while the central database is down. */
  staleAnswers = 0;
  private readonly central: CentralDb;
  private readonly ttlMs: number;
  private readonly cache: LRUCache<string, CachedLookup>;
  private readonly inFlight = new Map<string, Promise<ClinicRecord | null>>();

  constructor(options: ClinicLookupOptions) {
    this.central = options.central;
    this.ttlMs = options.ttlMs;
    // Expired rows stay until replaced or dropped: they answer while the central database is down.
    this.cache = new LRUCache({
      max: options.maxEntries ?? 10_000,
      ttl: options.ttlMs,
      noDeleteOnStaleGet: true,
    });
  }

  /** The clinic row for a subdomain, or null when the subdomain is invalid or unknown. */
  async find(subdomain: string): Promise<ClinicRecord | null> {
    const parsed = parseSubdomain(subdomain);
    if (!parsed.ok) return null;
    const key = parsed.subdomain;
    const cached = this.cache.get(key);
    if (cached) {
      this.hits++;
      return cached.clinic;
    }
    this.misses++;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    let stale = false;
    const lookup = this.query(key).catch((error: unknown) => {
      stale = true;
      return this.lastKnown(key, error);
    });
    this.inFlight.set(key, lookup);
    try {
      const clinic = await lookup;
      // Invalidated while the query ran: the answer may predate the change, so do not keep it.
      const current = this.inFlight.get(key) === lookup;
      // lru-cache reads a TTL of 0 as "never expires"; here it means "keep nothing".
      if (current && !stale && this.ttlMs > 0) this.cache.set(key, { clinic });
      return clinic;
    } finally {
      if (this.inFlight.get(key) === lookup) this.inFlight.delete(key);
    }
  }

  /**
   * The central database is down: the row read last (however old) rather than refusing every
   * request. Nobody can change a clinic's row meanwhile, a suspension also locks the clinic's role
   * and ends its sessions in its own database, and a LISTEN reconnect drops every kept row.
   */
  private lastKnown(subdomain: string, error: unknown): ClinicRecord | null {
    const kept = isDatabaseUnavailable(error) ? this.cache.get(subdomain, { allowStale: true }) : undefined;
    if (!kept) throw error;
    this.staleAnswers++;
    return kept.clinic;
  }

  invalidate(subdomain: string): void {
    this.cache.delete(subdomain);
    this.inFlight.delete(subdomain);
  }

  clear(): void {
    this.cache.clear();
    this.inFlight.clear();
  }

  private query(subdomain: string): Promise<ClinicRecord | null> {
    return this.central.clinic.findUnique({ where: { subdomain }, include: { databaseServer: true } });
  }
}

/** The clinic as pages see it, or null when visitors should get "no clinic at this address". */
export function toTenantClinic(record: ClinicRecord): TenantClinic | null {
  if (HIDDEN_STATUSES.has(record.status)) return null;
  const { id, name, subdomain, status, statusReason } = record;
  return { id, name, subdomain, status, statusReason };
}

export function clinicNotFoundError(): AppError {
  return new AppError("NOT_FOUND", "No clinic at this address.");
}

/** Why a clinic cannot serve requests right now, as the error its visitor should see. */
export function clinicUnusableError(clinic: TenantClinic | null): AppError | undefined {
  switch (clinic?.status) {
    case "ACTIVE":
      return undefined;
    case "PROVISIONING":
      return new AppError(
        "UNAVAILABLE",
        "This clinic is still being set up. Please try again in a few minutes.",
      );
    case "SUSPENDED":
      return new AppError(
        "UNAVAILABLE",
        "This clinic is suspended. Please contact the clinic's administrator.",
      );
    default:
      return clinicNotFoundError();
  }
}
