import type { CentralDb } from "../db/central";
import type { SchemaLocation } from "../db/migrations";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import type { JobContext } from "../jobs/runner";

export const PROVISIONING_STEPS = [
  "registered",
  "role",
  "database",
  "access",
  "migrations",
  "seed",
  "active",
] as const;
export type ProvisioningStep = (typeof PROVISIONING_STEPS)[number];

/** How long an operation waits for another one on the same clinic (a rollout's migration) to end. */
export const CLINIC_LOCK_WAIT_MS = 60_000;

/** What the clinic jobs run with: the process's central client and, in tests, a schema copy and failure hooks. */
export type ClinicJobOptions = {
  central: CentralDb;
  /** For TENANT_NAME_PREFIX (the template's name). */
  env?: NodeJS.ProcessEnv;
  /** The tenant schema and migrations (tests pass a copy). */
  schema?: SchemaLocation;
  /** Copy new databases from the template (default); false migrates each one from empty. */
  useTemplate?: boolean;
  /** Called as each provisioning step begins: progress for CLIs; tests throw from it to inject failures. */
  onStep?: (step: ProvisioningStep, clinic: Clinic) => void | Promise<void>;
};

/** The clinic a job is about, with its server; NOT_FOUND when its row has gone. */
export async function loadClinic(ctx: JobContext): Promise<{ clinic: Clinic; server: DatabaseServer }> {
  const clinic = await ctx.central.clinic.findUnique({
    where: { id: ctx.job.clinicId ?? "" },
    include: { databaseServer: true },
  });
  if (!clinic?.databaseServer) throw new AppError("NOT_FOUND", "The clinic of this job no longer exists.");
  return { clinic, server: clinic.databaseServer };
}
