import { z } from "zod";
import { clinicIdSchema } from "./admin";

export const backupClinicSchema = clinicIdSchema;

export const backupCentralSchema = z.object({});

/** Restoring asks the person to type the clinic's subdomain: checked again on the server. */
export const restoreClinicSchema = clinicIdSchema.extend({
  backupId: z.uuid("Choose one of this clinic's backups."),
  confirmation: z.string().trim().max(200),
});
export type RestoreClinicInput = z.input<typeof restoreClinicSchema>;

export const backupSettingsSchema = z.object({
  clinicAdminsMayBackup: z.boolean({ error: "Say whether clinic admins may back up their clinics." }),
});
