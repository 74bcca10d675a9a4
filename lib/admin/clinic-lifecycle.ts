import type { Actor } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";
import { SUSPENDED_BY_CLINIC_ADMIN } from "../tenancy/suspension";
import { findManagedClinic, findOwnedClinic } from "./clinic-access";
import { getClinicService } from "./clinic-service";

type ClinicCommand = { central: CentralDb; actor: Actor; clinicId: string };

/** Owner or co-admin: the clinic stops for its staff (its role cannot log in) until resumed. */
export async function suspendManagedClinic(options: ClinicCommand): Promise<Clinic> {
  const { clinic } = await findManagedClinic({ ...options, userId: options.actor.id });
  return getClinicService(options.central).suspendClinic(clinic.subdomain, SUSPENDED_BY_CLINIC_ADMIN, {
    actor: options.actor,
    action: "clinic.suspend",
  });
}

export async function resumeManagedClinic(options: ClinicCommand): Promise<Clinic> {
  const { clinic } = await findManagedClinic({ ...options, userId: options.actor.id });
  return getClinicService(options.central).resumeClinic(clinic.subdomain, {
    actor: options.actor,
    action: "clinic.resume",
  });
}

/** Owner only, and only after typing the subdomain: drops the clinic's database and role for good. */
export async function deleteOwnedClinic(options: ClinicCommand & { confirmation: string }): Promise<Clinic> {
  const clinic = await findOwnedClinic({ ...options, userId: options.actor.id, doing: "delete the clinic" });
  if (options.confirmation !== clinic.subdomain) {
    throw new AppError("INVALID", `Type “${clinic.subdomain}” to confirm.`, {
      confirmation: `Type “${clinic.subdomain}” exactly.`,
    });
  }
  return getClinicService(options.central).deleteClinic(clinic.subdomain, {
    actor: options.actor,
    action: "clinic.delete",
  });
}
