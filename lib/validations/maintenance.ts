import { z } from "zod";
import { MAINTENANCE_OPERATIONS } from "../maintenance/maintenance-jobs";
import { subdomainSchema } from "./subdomain";

// The super admin's maintenance console: one schema per action, parsed by the action pipeline.

export const startClinicMaintenanceSchema = z.object({
  subdomain: subdomainSchema,
  operation: z.enum(MAINTENANCE_OPERATIONS, { error: "Choose Vacuum or Reindex." }),
});

export const maintenanceJobSchema = z.object({ jobId: z.uuid("Unknown maintenance job.") });

export const stopSessionSchema = z.object({
  serverId: z.uuid("Unknown database server."),
  pid: z
    .number({ error: "Unknown session." })
    .int("Unknown session.")
    .min(1, "Unknown session.")
    .max(2_147_483_647, "Unknown session."),
  mode: z.enum(["cancel", "terminate"], { error: "Choose Cancel or Terminate." }),
  /** The platform's own sessions (jobs, migrations, its admin) are stopped only when this says so. */
  includePlatform: z.boolean().default(false),
});

/** The console's address: which server, which clinic's tables, and from how many seconds a query is long. */
export const maintenancePageQuery = z.object({
  server: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
    .optional()
    .catch(undefined),
  clinic: subdomainSchema.optional().catch(undefined),
  seconds: z.coerce.number().int().min(0).max(86_400).default(30).catch(30),
});
