import type { AppSession } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";

type TenantTx = Prisma.TransactionClient;

/** Who did something in the clinic, and from where: what every audited write records. */
export type AuditActor = {
  id: string;
  email: string;
  ip: string | null;
  userAgent: string | null;
};

export function auditActorOf(session: AppSession, client: Pick<AuditActor, "ip" | "userAgent">): AuditActor {
  return { id: session.user.id, email: session.user.email, ...client };
}

/** Writes one audit event (inside the caller's transaction, so it lands with the change or not at all). */
export async function recordAuditEvent(
  tx: TenantTx | TenantDb,
  event: {
    actor: AuditActor;
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

/** One page of the clinic's audit log, newest first, with the actors' current names. */
export async function findAuditEvents(options: {
  db: TenantDb;
  page: number;
  pageSize?: number;
}): Promise<{ events: AuditEventRow[]; total: number; pages: number; page: number }> {
  const { db } = options;
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const total = await db.auditEvent.count();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page) || 1), pages);
  const events = await db.auditEvent.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
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
