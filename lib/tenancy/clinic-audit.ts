import type { Actor } from "../auth/actor";
import { recordCentralAudit } from "../db/central-audit";
import type { Clinic, Prisma } from "../generated/central/client";

/** Who asked for a change of a clinic's state: written to the central audit log with the change itself. */
export type ClinicAudit = { actor: Actor; action: string; details?: Record<string, string> };

/** The audit row of a clinic state change, in the transaction that records the change. */
export function recordClinicAudit(
  tx: Prisma.TransactionClient,
  clinic: Pick<Clinic, "id" | "subdomain">,
  audit: ClinicAudit | undefined,
): Promise<void> {
  if (!audit) return Promise.resolve();
  return recordCentralAudit(tx, {
    actor: audit.actor,
    action: audit.action,
    target: { type: "clinic", id: clinic.id },
    details: { subdomain: clinic.subdomain, ...audit.details },
  });
}
