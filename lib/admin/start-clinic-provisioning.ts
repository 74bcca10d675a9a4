import type { Actor } from "../auth/actor";
import { continueAfterResponse } from "../background-work";
import type { CentralDb } from "../db/central";
import type { Clinic } from "../generated/central/client";
import type { CreateClinicValues } from "../validations/admin";
import { getClinicService } from "./clinic-service";

/**
 * Claims the clinic's row for its owner at once (a taken or held subdomain is refused here) and
 * provisions its database after the response; the console follows along through the row.
 */
export async function startClinicProvisioning(options: {
  central: CentralDb;
  actor: Actor;
  input: CreateClinicValues;
}): Promise<Clinic> {
  const { actor, input } = options;
  const { clinic, finished } = await getClinicService(options.central).startProvisioning(
    { ...input, ownerId: actor.id },
    { actor, action: "clinic.create", details: { name: input.name } },
  );
  continueAfterResponse(finished, "provisioning");
  return clinic;
}
