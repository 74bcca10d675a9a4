"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { startClinicMaintenance } from "@/lib/maintenance/maintenance-service";
import { startClinicMaintenanceSchema } from "@/lib/validations/maintenance";

/** Starts a vacuum or reindex of one clinic's database as a job; returns its id at once (audited). */
export const startClinicMaintenanceAction = definePlatformAction({
  schema: startClinicMaintenanceSchema,
  permission: "maintenance.run",
  handler: ({ input, db, actor }) => startClinicMaintenance({ central: db, actor, ...input }),
});
