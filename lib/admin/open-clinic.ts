import type { Actor } from "../auth/actor";
import { issueClinicTicket } from "../auth/tickets";
import { clinicOrigin, getRootDomain } from "../config/root-domain";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";
import { findManagedClinic } from "./clinic-access";

/**
 * What the console's "Open clinic" form posts to sign the admin into an active clinic they own or
 * co-admin (as its owner, or as a manager for a co-admin): a one-time ticket, valid for a minute,
 * and where to post it, `<clinic origin>/open`. Never a URL with the ticket in it: proxies log those.
 */
export async function createClinicOpenForm(options: {
  central: CentralDb;
  actor: Actor;
  /** The console session asking: the clinic session lives only as long as this one. */
  centralSessionId: string;
  clinicId: string;
  rootDomain?: string;
}): Promise<{ clinic: Clinic; action: string; ticket: string }> {
  const { central, actor } = options;
  const { clinic } = await findManagedClinic({ ...options, userId: actor.id });
  if (clinic.status !== "ACTIVE") {
    throw new AppError(
      "CONFLICT",
      clinic.status === "SUSPENDED"
        ? "This clinic is suspended: resume it before opening it."
        : "This clinic is not ready yet: wait until it is active.",
    );
  }
  const ticket = await central.$transaction(async (tx) => {
    // The ticket is a credential: the audit row names the clinic only.
    await recordCentralAudit(tx, {
      actor,
      action: "clinic.open",
      target: { type: "clinic", id: clinic.id },
      details: { subdomain: clinic.subdomain },
    });
    return issueClinicTicket({
      central: tx,
      clinic,
      userId: actor.id,
      authSessionId: options.centralSessionId,
    });
  });
  const origin = clinicOrigin(clinic.subdomain, options.rootDomain ?? getRootDomain());
  return { clinic, action: `${origin}/open`, ticket };
}
