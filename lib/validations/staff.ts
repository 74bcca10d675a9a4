import { z } from "zod";
import type { StaffRole } from "../generated/tenant/enums";

/** Every clinic role, most powerful first: the order the role pickers show. */
export const STAFF_ROLES = [
  "OWNER",
  "MANAGER",
  "DOCTOR",
  "NURSE",
  "RECEPTIONIST",
  "BILLING",
] as const satisfies readonly StaffRole[];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  OWNER: "Owner",
  MANAGER: "Manager",
  DOCTOR: "Doctor",
  NURSE: "Nurse",
  RECEPTIONIST: "Receptionist",
  BILLING: "Billing",
};

export function isStaffRole(value: unknown): value is StaffRole {
  return (STAFF_ROLES as readonly unknown[]).includes(value);
}

const staffRoleSchema = z.enum(STAFF_ROLES, { error: "Choose a role." });
const staffIdSchema = z.uuid("Choose a staff member.");

export const createStaffMemberSchema = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "Keep the name under 120 characters."),
  // Stored lowercase: sign-in looks accounts up by the lowercased address.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200, "Keep the email under 200 characters.")
    .pipe(z.email("Enter a valid email address, like name@clinic.com.")),
  role: staffRoleSchema,
});

export const changeStaffRoleSchema = z.object({ staffId: staffIdSchema, role: staffRoleSchema });

export const staffMemberSchema = z.object({ staffId: staffIdSchema });

export type CreateStaffMemberInput = z.infer<typeof createStaffMemberSchema>;
export type ChangeStaffRoleInput = z.infer<typeof changeStaffRoleSchema>;
