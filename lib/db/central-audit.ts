import { type Actor, isOperator, type Operator } from "../auth/actor";
import type { Prisma } from "../generated/central/client";
import type { CentralDb } from "./central";

type CentralTx = Prisma.TransactionClient;

export type CentralAuditInput = {
  /** A signed-in person, or an operator at a server's command line. */
  actor: Actor | Operator;
  action: string;
  /** What it was done to; none for the platform as a whole (a backup of the central database from the command line). */
  target?: { type: "user" | "clinic" | "database-server" | "fleet-run" | "job"; id: string };
  /** What changed, in words and numbers; never a password, hash, ticket or token. */
  details?: Record<string, string | number | boolean | null>;
};

/**
 * One row of the central audit trail (super admins and clinic admins): who, what, on what, from
 * where. Written with the caller's transaction, so it lands with the change or not at all.
 */
export async function recordCentralAudit(tx: CentralTx | CentralDb, input: CentralAuditInput): Promise<void> {
  const { actor, target } = input;
  const who = isOperator(actor)
    ? {
        actorId: null,
        actorEmail: null,
        ip: null,
        userAgent: `command line: ${actor.command}`,
        details: { ...input.details, operator: `${actor.systemUser} on ${actor.host}` },
      }
    : { actorId: actor.id, actorEmail: actor.email, ip: actor.ip, userAgent: actor.userAgent };
  await tx.auditEvent.create({
    data: {
      action: input.action,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      ...(input.details ? { details: input.details } : {}),
      ...who,
    },
  });
}
