import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { ClinicAuditSort } from "@/lib/validations/audit";

type TenantTx = Prisma.TransactionClient;

/** Writes one audit event (inside the caller's transaction, so it lands with the change or not at all). */
export async function recordAuditEvent(
  tx: TenantTx | TenantDb,
  event: {
    actor: Actor;
    action: string;
    targetType?: string;
    targetId?: string;
    details?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  const { actor, ...rest } = event;
  await tx.auditEvent.create({
    data: {
      ...rest,
      actorId: actor.id,
      actorEmail: actor.email,
      ip: actor.ip,
      userAgent: actor.userAgent?.slice(0, 300) ?? null,
    },
  });
}

export type AuditEventRow = {
  id: string;
  at: Date;
  action: string;
  actorName: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Prisma.JsonValue;
};

export const AUDIT_PAGE_SIZE = 50;

// Each sort key's order; the newest first, then the id, breaks ties so pages never overlap.
const AUDIT_ORDER: Record<
  ClinicAuditSort["key"],
  (dir: Prisma.SortOrder) => Prisma.AuditEventOrderByWithRelationInput
> = {
  at: (dir) => ({ at: dir }),
  action: (dir) => ({ action: dir }),
  who: (dir) => ({ actorEmail: { sort: dir, nulls: "last" } }),
  from: (dir) => ({ ip: { sort: dir, nulls: "last" } }),
};

/** One page of the clinic's audit log, newest first unless `sort` says otherwise, with the actors' current names. */
export async function findAuditEvents(options: {
  db: TenantDb;
  page: number;
  pageSize?: number;
  sort?: ClinicAuditSort;
}): Promise<{ events: AuditEventRow[]; total: number; pages: number; page: number }> {
  const { db } = options;
  const sort = options.sort ?? { key: "at", desc: true };
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const total = await db.auditEvent.count();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page) || 1), pages);
  const events = await db.auditEvent.findMany({
    orderBy: [AUDIT_ORDER[sort.key](sort.desc ? "desc" : "asc"), { at: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const actors = await db.staffUser.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  return {
    page,
    pages,
    total,
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      action: event.action,
      actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
      actorEmail: event.actorEmail,
      targetType: event.targetType,
      targetId: event.targetId,
      ip: event.ip,
      userAgent: event.userAgent,
      details: event.details,
    })),
  };
}
