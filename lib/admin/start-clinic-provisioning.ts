import type { CentralDb } from "../db/central";
import type { Clinic } from "../generated/central/client";
import type { CreateClinicValues } from "../validations/admin";
import { continueAfterResponse } from "./background";
import { getClinicService } from "./clinic-service";

/**
 * Claims the clinic's row for its owner at once (a taken or held subdomain is refused here) and
 * provisions its database after the response; the console follows along through the row.
 */
export async function startClinicProvisioning(options: {
  central: CentralDb;
  ownerId: string;
  input: CreateClinicValues;
}): Promise<Clinic> {
  const { clinic, finished } = await getClinicService(options.central).startProvisioning({
    ...options.input,
    ownerId: options.ownerId,
  });
  continueAfterResponse(finished, "provisioning");
  return clinic;
}
