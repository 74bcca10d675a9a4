import type { Actor } from "../auth/actor";
import { continueAfterResponse } from "../background-work";
import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";
import { findManagedClinic, findOwnedClinic } from "./clinic-access";
import { getClinicService } from "./clinic-service";

/**
 * Takes up a FAILED clinic's set-up again with its first details (its owner stays the owner) and
 * runs it after the response; the console follows along through the row. Both consoles use it.
 */
export async function retryClinicSetup(options: {
  central: CentralDb;
  actor: Actor;
  subdomain: string;
}): Promise<Clinic> {
  const { central, actor, subdomain } = options;
  const { clinic, finished } = await getClinicService(central).retryProvisioning(subdomain, {
    actor,
    action: "clinic.setup-retry",
  });
  continueAfterResponse(finished, "provisioning");
  return clinic;
}

/**
 * Removes a clinic whose set-up failed or stopped (refused while its job still runs), or deletes
 * again one whose deletion failed. Nothing else:
 * a working clinic is deleted with its subdomain typed (Delete), since its data goes with it.
 */
export async function removeStuckClinic(options: {
  central: CentralDb;
  actor: Actor;
  clinic: Clinic;
}): Promise<Clinic> {
  const { central, actor, clinic } = options;
  if (!["FAILED", "DELETING", "PROVISIONING"].includes(clinic.status)) {
    throw new AppError(
      "CONFLICT",
      `The clinic is ${clinic.status.toLowerCase()}; only a clinic whose set-up or deletion failed is removed here.`,
    );
  }
  return getClinicService(central).deleteClinic(clinic.subdomain, {
    actor,
    action: clinic.status === "DELETING" ? "clinic.delete-retry" : "clinic.remove-failed",
  });
}

type ClinicCommand = { central: CentralDb; actor: Actor; clinicId: string };

/** Owner or co-admin, like suspend: the set-up runs again as the owner first asked for it. */
export async function retryManagedClinicSetup(options: ClinicCommand): Promise<Clinic> {
  const { clinic } = await findManagedClinic({ ...options, userId: options.actor.id });
  return retryClinicSetup({ ...options, subdomain: clinic.subdomain });
}

/** Owner only, like delete. */
export async function removeOwnedStuckClinic(options: ClinicCommand): Promise<Clinic> {
  const clinic = await findOwnedClinic({ ...options, userId: options.actor.id, doing: "remove the clinic" });
  return removeStuckClinic({ ...options, clinic });
}
