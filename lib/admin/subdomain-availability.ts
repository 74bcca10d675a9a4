import type { CentralDb } from "../db/central";
import { subdomainReservationDays, subdomainReservedUntil } from "../tenancy/clinic-claim";
import { parseSubdomain, RESERVED_SUBDOMAINS } from "../validations/subdomain";

export type SubdomainAvailability =
  | { available: true; subdomain: string; message: string }
  | { available: false; reason: "invalid" | "reserved" | "taken" | "held"; message: string };

/**
 * Whether `userId` could create a clinic at `input` now, with the sentence the form shows. It
 * answers as provisioning's claim would: a failed set-up of one's own can be retried, a deleted
 * clinic's subdomain is held for the reservation period. (The claim still decides races.)
 */
export async function checkSubdomainAvailability(options: {
  central: CentralDb;
  userId: string;
  subdomain: string;
  reservationDays?: number;
  now?: Date;
}): Promise<SubdomainAvailability> {
  const parsed = parseSubdomain(options.subdomain);
  if (!parsed.ok) {
    const reason = RESERVED_SUBDOMAINS.has(options.subdomain) ? "reserved" : "invalid";
    return { available: false, reason, message: parsed.message };
  }
  const { subdomain } = parsed;
  const existing = await options.central.clinic.findUnique({ where: { subdomain } });
  if (!existing) return { available: true, subdomain, message: `“${subdomain}” is available.` };
  if (existing.status === "FAILED" && existing.ownerId === options.userId) {
    return {
      available: true,
      subdomain,
      message: `Your earlier set-up of “${subdomain}” failed; creating it again retries from scratch.`,
    };
  }
  if (existing.status === "DELETED") {
    // A clinic that never became active held nothing worth protecting: its address is free at once.
    if (existing.schemaVersion === null)
      return { available: true, subdomain, message: `“${subdomain}” is available.` };
    const days = options.reservationDays ?? subdomainReservationDays();
    const reservedUntil = subdomainReservedUntil(existing, days);
    if (reservedUntil <= (options.now ?? new Date()))
      return { available: true, subdomain, message: `“${subdomain}” is available.` };
    return {
      available: false,
      reason: "held",
      message: `“${subdomain}” belonged to a deleted clinic and is reserved until ${reservedUntil.toISOString().slice(0, 10)}.`,
    };
  }
  return { available: false, reason: "taken", message: `“${subdomain}” is already taken.` };
}
