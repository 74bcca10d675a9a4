import { suspendClinic } from "@/lib/super/clinics";
import { suspendClinicSchema } from "@/lib/validations/super";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Suspends a clinic with a reason: its role cannot log in and its pages say "suspended". */
export const suspendClinicAction = definePlatformAction({
  schema: suspendClinicSchema,
  permission: "clinics.operate",
  handler: ({ input, session, db, client }) => suspendClinic({ central: db, session, client, ...input }),
});

export async function runSuspendClinic(input: unknown) {
  "use server";
  return runPlatformAction(suspendClinicAction, input);
}
