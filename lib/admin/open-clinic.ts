import { issueClinicTicket } from "../auth/tickets";
import { clinicOrigin, getRootDomain } from "../config/root-domain";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";
import { findManagedClinic } from "./clinic-access";

/**
 * The one-time address that signs the admin into an active clinic they own or co-admin, as its
 * owner: `<clinic origin>/open?ticket=…`, valid for a minute.
 */
export async function createClinicOpenUrl(options: {
  central: CentralDb;
  userId: string;
  clinicId: string;
  rootDomain?: string;
}): Promise<{ clinic: Clinic; url: string }> {
  const { clinic } = await findManagedClinic(options);
  if (clinic.status !== "ACTIVE") {
    throw new AppError(
      "CONFLICT",
      clinic.status === "SUSPENDED"
        ? "This clinic is suspended: resume it before opening it."
        : "This clinic is not ready yet: wait until it is active.",
    );
  }
  const ticket = await issueClinicTicket({ central: options.central, clinic, userId: options.userId });
  const origin = clinicOrigin(clinic.subdomain, options.rootDomain ?? getRootDomain());
  return { clinic, url: `${origin}/open?ticket=${encodeURIComponent(ticket)}` };
}
