import { commandLineOperator } from "../../lib/auth/actor";
import type { CentralDb } from "../../lib/db/central";
import { recordCentralAudit } from "../../lib/db/central-audit";

/**
 * The central audit row of a command that changes something, written before it starts (as the
 * console's row is written with its job): the action, the clinic when `subdomain` names one, and
 * the operator (command, system user, machine). An unknown subdomain writes nothing: the command
 * refuses it without changing anything.
 */
export async function auditCommand(
  central: CentralDb,
  input: { action: string; subdomain?: string; details?: Record<string, string | number | boolean | null> },
): Promise<void> {
  const clinic = input.subdomain
    ? await central.clinic.findUnique({ where: { subdomain: input.subdomain }, select: { id: true } })
    : null;
  if (input.subdomain && !clinic) return;
  await recordCentralAudit(central, {
    actor: commandLineOperator(),
    action: input.action,
    ...(clinic ? { target: { type: "clinic" as const, id: clinic.id } } : {}),
    details: { ...(input.subdomain ? { subdomain: input.subdomain } : {}), ...input.details },
  });
}
