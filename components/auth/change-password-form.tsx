"use client";

import { useRouter } from "next/navigation";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { changePasswordSchema } from "@/lib/validations/auth";

export function ChangePasswordForm() {
  const router = useRouter();
  const { field, submit, pending } = useActionForm({
    schema: changePasswordSchema,
    action: changePasswordAction,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    success: () => "Password changed. Sign in with the new one.",
    onSuccess: () => router.replace("/login"),
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        {...field("currentPassword")}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        {...field("newPassword")}
      />
      <TextField
        label="New password again"
        type="password"
        autoComplete="new-password"
        {...field("confirmPassword")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Change password
      </SubmitButton>
    </form>
  );
}
