"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { applyFieldErrors } from "@/components/ui/field-errors";
import { TextField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { saveDoctorProfileServerAction } from "@/lib/actions/doctors/server-actions";
import type { DoctorProfile } from "@/lib/clinic/doctors";
import {
  type DoctorProfileFormValues,
  type DoctorProfileInput,
  doctorProfileSchema,
} from "@/lib/validations/doctors";

/** Creates or edits the profile that makes a doctor bookable. */
export function DoctorProfileForm({
  doctorId,
  profile,
}: {
  doctorId: string;
  profile: DoctorProfile | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const form = useForm<DoctorProfileFormValues, unknown, DoctorProfileInput>({
    resolver: zodResolver(doctorProfileSchema),
    defaultValues: {
      doctorId,
      specialty: profile?.specialty ?? "",
      licenceNumber: profile?.licenceNumber ?? "",
      calendarColor: profile?.calendarColor ?? "#0f766e",
      defaultSlotMinutes: profile?.defaultSlotMinutes ?? 20,
    },
  });
  const errors = form.formState.errors;

  const save = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await saveDoctorProfileServerAction(values);
      if (!result.ok) {
        applyFieldErrors(form.setError, result.error.fields);
        toast(result.error.message, "error");
        return;
      }
      toast(profile ? "The profile is saved." : "The profile is set up. Add the working hours next.");
      router.refresh();
    }),
  );

  return (
    <form onSubmit={save} noValidate className="flex flex-col gap-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Specialty" error={errors.specialty?.message} {...form.register("specialty")} />
        <TextField
          label="Licence number"
          autoComplete="off"
          error={errors.licenceNumber?.message}
          {...form.register("licenceNumber")}
        />
        <div className="w-40">
          <TextField
            label="Calendar colour"
            type="color"
            className="p-1"
            error={errors.calendarColor?.message}
            {...form.register("calendarColor")}
          />
        </div>
        <TextField
          label="Default slot length (minutes)"
          type="number"
          min={5}
          max={120}
          step={5}
          hint="From 5 to 120 minutes: the length of a booking in the calendar."
          error={errors.defaultSlotMinutes?.message}
          {...form.register("defaultSlotMinutes")}
        />
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? "Saving…" : profile ? "Save profile" : "Set up profile"}
      </Button>
    </form>
  );
}
