import type { ActionClient } from "../actions/define-action";
import type { AppSession } from "../auth/session";
import type { CentralDb } from "../db/central";
import type { Prisma } from "../generated/central/client";

/** Who acts and from where: what every super action passes on to its audit row. */
export type SuperActor = { session: AppSession; client: ActionClient };

export type SuperAuditInput = SuperActor & {
  action: string;
  target: { type: "user" | "clinic" | "database-server" | "fleet-run"; id: string };
  /** What changed, in words and numbers; never a password, hash or token. */
  details?: Record<string, string | number | boolean | null>;
};

/** The central audit row of one super-admin action: who, what, on what, from where. */
export function superAuditData(input: SuperAuditInput): Prisma.AuditEventCreateInput {
  return {
    actorId: input.session.user.id,
    actorEmail: input.session.user.email,
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id,
    ip: input.client.ip,
    userAgent: input.client.userAgent,
    ...(input.details ? { details: input.details } : {}),
  };
}

export async function recordSuperAudit(central: CentralDb, input: SuperAuditInput): Promise<void> {
  await central.auditEvent.create({ data: superAuditData(input) });
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of the central audit trail, newest first. */
export async function findAuditEvents(options: { central: CentralDb; page: number }) {
  const [events, total] = await Promise.all([
    options.central.auditEvent.findMany({
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    options.central.auditEvent.count(),
  ]);
  return { events, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
