import { z } from "zod";
import { provisionClinicSchema } from "../tenancy/provision-input";

/** The console's "new clinic" form: the provisioning request without its owner (that is the signed-in admin). */
export const createClinicSchema = provisionClinicSchema.omit({ ownerId: true }).extend({
  locationName: z
    .string()
    .trim()
    .min(2, "Name the first location (at least 2 characters), e.g. Main clinic.")
    .max(100, "Keep the location name under 100 characters."),
});
export type CreateClinicInput = z.input<typeof createClinicSchema>;
export type CreateClinicValues = z.output<typeof createClinicSchema>;

export const checkSubdomainSchema = z.object({ subdomain: z.string().max(200) });

export const clinicIdSchema = z.object({ clinicId: z.uuid("Choose one of your clinics.") });

/** Deleting asks the person to type the subdomain: checked again on the server. */
export const deleteClinicSchema = clinicIdSchema.extend({
  confirmation: z.string().trim().max(200),
});

export const addCoAdminSchema = clinicIdSchema.extend({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter the email address the clinic admin signs in with.").max(200)),
});
export type AddCoAdminInput = z.input<typeof addCoAdminSchema>;

export const removeCoAdminSchema = clinicIdSchema.extend({
  userId: z.uuid("Choose a co-admin of this clinic."),
});
