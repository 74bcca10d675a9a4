import { LRUCache } from "lru-cache";
import { type CentralDb, getCentralDb } from "../db/central";
import type { StaffRole } from "../generated/tenant/enums";
import type { CentralChangeListener } from "../tenancy/central-change-listener";
import { getTenantRegistry } from "../tenancy/tenant-db";
import { AUTH_POLICY } from "./policy";

/** Who a clinic session stands in for: a clinic admin, through one console session. */
export type Delegation = { userId: string; centralSessionId: string; sessionVersion: number };

/** The central channel the triggers on users, console sessions, co-admins and clinics notify. */
export const ADMIN_ACCESS_CHANNEL = "admin_access_changed";

type CachedRole = { role: StaffRole | null };

/**
 * What a clinic admin may do inside a clinic, derived from the central database, never copied into
 * the clinic: its owner enters as OWNER, a co-admin as MANAGER (who cannot touch owners), anyone
 * else not at all — and only while the admin is active, their console session is open and their
 * session version unchanged. Answers are cached a few seconds and dropped at once on a central
 * change; while the LISTEN connection is down nothing is cached (it fails closed, not open).
 */
export class AdminAccess {
  private readonly central: CentralDb;
  private readonly listener?: CentralChangeListener;
  private readonly ttlMs: number;
  private readonly cache: LRUCache<string, CachedRole>;

  constructor(options: { central: CentralDb; listener?: CentralChangeListener; ttlMs?: number }) {
    this.central = options.central;
    this.listener = options.listener;
    this.ttlMs = options.ttlMs ?? 5_000;
    this.cache = new LRUCache({ max: 10_000, ttl: Math.max(this.ttlMs, 1) });
    this.listener?.subscribe(ADMIN_ACCESS_CHANNEL, {
      onChange: (payload) => this.invalidate(payload),
      onListening: () => this.cache.clear(),
    });
  }

  /** The role the admin has in the clinic right now, or null: their clinic session ends. */
  async roleIn(subdomain: string, delegation: Delegation, now = new Date()): Promise<StaffRole | null> {
    const key = `${subdomain}|${delegation.userId}|${delegation.centralSessionId}|${delegation.sessionVersion}`;
    const trusted = this.listener?.listening === true && this.ttlMs > 0;
    const cached = trusted ? this.cache.get(key) : undefined;
    if (cached) return cached.role;
    const role = await this.query(subdomain, delegation, now);
    if (trusted) this.cache.set(key, { role });
    return role;
  }

  /** A NOTIFY payload: "user:<id>" or "clinic:<subdomain>". */
  invalidate(payload: string): void {
    const [kind, value] = payload.split(/:(.*)/s);
    for (const key of this.cache.keys()) {
      const [subdomain, userId] = key.split("|");
      if ((kind === "user" && userId === value) || (kind === "clinic" && subdomain === value))
        this.cache.delete(key);
    }
  }

  private async query(subdomain: string, delegation: Delegation, now: Date): Promise<StaffRole | null> {
    const { userId } = delegation;
    const [user, session, clinic] = await Promise.all([
      this.central.user.findUnique({ where: { id: userId } }),
      this.central.authSession.findUnique({ where: { id: delegation.centralSessionId } }),
      this.central.clinic.findUnique({
        where: { subdomain },
        select: { ownerId: true, status: true, coAdmins: { where: { userId }, select: { userId: true } } },
      }),
    ]);
    if (user?.status !== "ACTIVE" || user.role !== "CLINIC_ADMIN") return null;
    if (user.sessionVersion !== delegation.sessionVersion) return null;
    if (session?.userId !== userId || session.revokedAt) return null;
    if (now.getTime() - session.createdAt.getTime() > AUTH_POLICY.absoluteTimeoutMs) return null;
    if (clinic?.status !== "ACTIVE") return null;
    if (clinic.ownerId === userId) return "OWNER";
    return clinic.coAdmins.length > 0 ? "MANAGER" : null;
  }
}

// One per process, on the registry's LISTEN connection; kept on globalThis like the registry.
const holder = globalThis as typeof globalThis & { adminAccess?: AdminAccess };

export function getAdminAccess(): AdminAccess {
  holder.adminAccess ??= new AdminAccess({ central: getCentralDb(), listener: getTenantRegistry().listener });
  return holder.adminAccess;
}
