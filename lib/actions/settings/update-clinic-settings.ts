"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { updateClinicSettings } from "@/lib/clinic/settings";
import { getCentralDb } from "@/lib/db/central";
import { AppError } from "@/lib/errors";
import { clinicSettingsSchema } from "@/lib/validations/clinic-settings";

/** Saves the clinic's settings; the name goes to the central directory too (the session's clinic, never the input's). */
export const updateClinicSettingsAction = defineClinicAction({
  schema: clinicSettingsSchema,
  permission: "settings.manage",
  handler: ({ input, session, db, actor }) => {
    if (session.realm.kind !== "clinic")
      throw new AppError("FORBIDDEN", "This belongs to a clinic's address.");
    return updateClinicSettings({
      db,
      central: getCentralDb(),
      subdomain: session.realm.subdomain,
      actor,
      settings: input,
    });
  },
});
