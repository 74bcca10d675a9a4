import { z } from "zod";
import { AUTH_POLICY } from "../auth/policy";

export const signInSchema = z.object({
  email: z.email("Enter the email address you sign in with.").max(200),
  password: z.string().min(1, "Enter your password.").max(200),
});

export const newPasswordSchema = z
  .string()
  .min(AUTH_POLICY.minPasswordLength, `Use at least ${AUTH_POLICY.minPasswordLength} characters.`)
  .max(200, "Use at most 200 characters.");

export const changePasswordSchema = z
  .object({
    // As long as sign-in accepts: a longer one cannot be right, and argon2 need not hash megabytes.
    currentPassword: z
      .string()
      .min(1, "Enter your current password.")
      .max(200, "Use at most 200 characters."),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

/** The body the admin console's "Open clinic" form posts to a clinic's /open. */
export const openClinicTicketSchema = z.object({ ticket: z.string().min(20).max(400) });
