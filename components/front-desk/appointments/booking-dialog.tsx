"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { bookAppointmentServerAction } from "@/lib/actions/appointments/server-actions";
import type { CalendarDoctor, CalendarLocation } from "@/lib/clinic/calendar";
import { formatClinicTime } from "@/lib/clinic/time";
import { type BookAppointmentFormValues, bookAppointmentFormSchema } from "@/lib/validations/appointments";
import { clinicInstantOf, formFieldOf } from "./clinic-clock";
import { PatientPicker, type PickedPatient } from "./patient-picker";

export type BookingDraft = Omit<BookAppointmentFormValues, "patientId" | "reason">;

/** Books a patient: from a free slot (times filled in) or from scratch (any start and end). */
export function BookingDialog({
  draft,
  onClose,
  timeZone,
  doctors,
  locations,
}: {
  draft: BookingDraft | null;
  onClose: () => void;
  timeZone: string;
  doctors: CalendarDoctor[];
  locations: CalendarLocation[];
}) {
  return (
    <Dialog open={draft !== null} onClose={onClose} title="Book an appointment">
      {draft ? (
        <BookingForm
          key={JSON.stringify(draft)}
          draft={draft}
          onDone={onClose}
          timeZone={timeZone}
          doctors={doctors}
          locations={locations}
        />
      ) : null}
    </Dialog>
  );
}

function BookingForm({
  draft,
  onDone,
  timeZone,
  doctors,
  locations,
}: {
  draft: BookingDraft;
  onDone: () => void;
  timeZone: string;
  doctors: CalendarDoctor[];
  locations: CalendarLocation[];
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const form = useForm<z.input<typeof bookAppointmentFormSchema>, unknown, BookAppointmentFormValues>({
    resolver: zodResolver(bookAppointmentFormSchema),
    defaultValues: { ...draft, patientId: "", reason: "" },
  });
  const errors = form.formState.errors;

  const pickPatient = (picked: PickedPatient | null) => {
    setPatient(picked);
    form.setValue("patientId", picked?.id ?? "", { shouldValidate: form.formState.isSubmitted });
  };

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await bookAppointmentServerAction({
        patientId: values.patientId,
        doctorId: values.doctorId,
        locationId: values.locationId,
        startsAt: clinicInstantOf(values.date, values.startTime, timeZone),
        endsAt: clinicInstantOf(values.date, values.endTime, timeZone),
        reason: values.reason || undefined,
      });
      if (!result.ok) {
        for (const [field, message] of Object.entries(result.error.fields ?? {}))
          form.setError(formFieldOf(field) as keyof BookAppointmentFormValues, { message });
        toast(result.error.message, "error");
        return;
      }
      toast(
        `Booked ${patient?.name ?? "the patient"} at ${formatClinicTime(new Date(result.data.startsAt), timeZone)} (ref ${result.data.ref}).`,
      );
      onDone();
      router.refresh();
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <PatientPicker value={patient} onChange={pickPatient} error={errors.patientId?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Doctor"
          error={errors.doctorId?.message}
          options={[
            { value: "", label: "Choose a doctor" },
            ...doctors.map((d) => ({ value: d.id, label: d.name })),
          ]}
          {...form.register("doctorId")}
        />
        <SelectField
          label="Location"
          error={errors.locationId?.message}
          options={[
            { value: "", label: "Choose a location" },
            ...locations.map((l) => ({ value: l.id, label: l.name })),
          ]}
          {...form.register("locationId")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Date" type="date" error={errors.date?.message} {...form.register("date")} />
        <TextField
          label="Start"
          type="time"
          step={300}
          error={errors.startTime?.message}
          {...form.register("startTime")}
        />
        <TextField
          label="End"
          type="time"
          step={300}
          error={errors.endTime?.message}
          {...form.register("endTime")}
        />
      </div>
      <p className="-mt-2 text-xs text-slate-600">Times are the clinic&apos;s ({timeZone}).</p>
      <TextField
        label="Reason for the visit"
        hint="Optional; shown to the doctor."
        error={errors.reason?.message}
        {...form.register("reason")}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone} disabled={pending}>
          Close
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Booking…" : "Book"}
        </Button>
      </div>
    </form>
  );
}
