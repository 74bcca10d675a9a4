"use server";

import { definePlatformAction } from "@/lib/action-pipeline/define-platform-action";
import { findMaintenanceJob } from "@/lib/maintenance/maintenance-service";
import { maintenanceJobSchema } from "@/lib/validations/maintenance";

/** A vacuum or reindex job's progress, polled by the console each second (a read: not audited). */
export const getMaintenanceJobAction = definePlatformAction({
  schema: maintenanceJobSchema,
  permission: "maintenance.run",
  handler: ({ input, db }) => findMaintenanceJob({ central: db, jobId: input.jobId }),
});
