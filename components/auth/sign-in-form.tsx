"use client";

import { useRouter } from "next/navigation";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInAction } from "@/lib/actions/account/sign-in";
import { signInSchema } from "@/lib/validations/auth";

export function SignInForm() {
  const router = useRouter();
  const { field, submit, pending, formError } = useActionForm({
    schema: signInSchema,
    action: signInAction,
    defaultValues: { email: "", password: "" },
    message: "inline",
    onSuccess: ({ redirectTo }) => router.replace(redirectTo),
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <TextField label="Email" type="email" autoComplete="username" {...field("email")} />
      <TextField label="Password" type="password" autoComplete="current-password" {...field("password")} />
      {formError ? <Notice>{formError}</Notice> : null}
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
