import { resumeClinic } from "@/lib/super/clinics";
import { resumeClinicSchema } from "@/lib/validations/super";
import { definePlatformAction, runPlatformAction } from "../platform-action";

/** Lets a suspended clinic work again. */
export const resumeClinicAction = definePlatformAction({
  schema: resumeClinicSchema,
  permission: "clinics.operate",
  handler: ({ input, session, db, client }) => resumeClinic({ central: db, session, client, ...input }),
});

export async function runResumeClinic(input: unknown) {
  "use server";
  return runPlatformAction(resumeClinicAction, input);
}
