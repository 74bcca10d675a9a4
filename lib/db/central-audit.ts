import type { Actor } from "../auth/actor";
import type { Prisma } from "../generated/central/client";
import type { CentralDb } from "./central";

type CentralTx = Prisma.TransactionClient;

export type CentralAuditInput = {
  actor: Actor;
  action: string;
  target: { type: "user" | "clinic" | "database-server" | "fleet-run" | "job"; id: string };
  /** What changed, in words and numbers; never a password, hash, ticket or token. */
  details?: Record<string, string | number | boolean | null>;
};

/**
 * One row of the central audit trail (super admins and clinic admins): who, what, on what, from
 * where. Written with the caller's transaction, so it lands with the change or not at all.
 */
export async function recordCentralAudit(tx: CentralTx | CentralDb, input: CentralAuditInput): Promise<void> {
  const { actor, target } = input;
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: input.action,
      targetType: target.type,
      targetId: target.id,
      ip: actor.ip,
      userAgent: actor.userAgent,
      ...(input.details ? { details: input.details } : {}),
    },
  });
}
