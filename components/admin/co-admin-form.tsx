"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { type AddCoAdminInput, addCoAdminSchema } from "@/lib/validations/admin";
import { Button } from "../ui/button";
import { TextField } from "../ui/form-field";
import { useToast } from "../ui/toast";
import type { ServerAction } from "./server-action";

/** Adds a co-admin by the email they sign in to this console with. */
export function CoAdminForm({ clinicId, add }: { clinicId: string; add: ServerAction<{ email: string }> }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const form = useForm<AddCoAdminInput>({
    resolver: zodResolver(addCoAdminSchema),
    defaultValues: { clinicId, email: "" },
  });

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await add(values);
      if (!result.ok) {
        form.setError("email", { message: result.error.fields?.email ?? result.error.message });
        return;
      }
      toast(`${result.data.email} is now a co-admin.`);
      form.reset({ clinicId, email: "" });
      router.refresh();
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <div className="flex-1">
        <TextField
          label="Email of a clinic admin"
          type="email"
          autoComplete="off"
          hint="They need a clinic-admin account already; a super admin creates those."
          error={form.formState.errors.email?.message}
          {...form.register("email")}
        />
      </div>
      <Button type="submit" disabled={pending} className="sm:mt-7">
        {pending ? "Adding…" : "Add co-admin"}
      </Button>
    </form>
  );
}
