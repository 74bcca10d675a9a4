import type { CentralDb } from "../db/central";
import type { ClinicStatus } from "../generated/central/client";
import { findActiveJob } from "../jobs/queue";
import { PROVISIONING_STEPS } from "../tenancy/clinic-database-service";
import { findManagedClinic } from "./clinic-access";

/** What the console polls while a clinic is set up: its status, the step reached, and why it failed. */
export type ClinicProgress = {
  status: ClinicStatus;
  step: string | null;
  steps: readonly string[];
  reason: string | null;
  /** Why the last attempt did not finish, while the job is being retried on its own. */
  retrying: string | null;
};

export async function getClinicProgress(options: {
  central: CentralDb;
  userId: string;
  clinicId: string;
}): Promise<ClinicProgress> {
  const { clinic } = await findManagedClinic(options);
  const job = await findActiveJob(options.central, clinic.id);
  return {
    status: clinic.status,
    step: clinic.provisioningStep,
    steps: PROVISIONING_STEPS,
    reason: clinic.status === "FAILED" ? clinic.statusReason : null,
    retrying: job?.lastError ?? null,
  };
}
