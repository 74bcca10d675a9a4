import { z } from "zod";
import { provisionClinicSchema } from "../tenancy/provision-input";
import { clinicIdSchema } from "./admin";

/** "Restore as a new clinic": the new clinic's subdomain and name are checked as clinic creation checks them. */
export const restoreIntoClinicSchema = clinicIdSchema.extend({
  backupId: z.uuid("Choose one of this clinic's backups."),
  subdomain: provisionClinicSchema.shape.subdomain,
  name: provisionClinicSchema.shape.name,
});
export type RestoreIntoClinicInput = z.input<typeof restoreIntoClinicSchema>;

const NAME_MAX = 100;

/** The copy's name unless one is given: "Acme Clinic (copy)", shortened to fit a clinic name. */
export function copyName(sourceName: string): string {
  const suffix = " (copy)";
  return `${sourceName.slice(0, NAME_MAX - suffix.length).trim()}${suffix}`;
}
