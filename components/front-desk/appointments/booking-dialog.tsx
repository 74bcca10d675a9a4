"use client";

import { useState } from "react";
import { useClinicTimeFormat } from "@/components/ui/clinic-clock";
import { ClinicDateField, ClinicTimeField } from "@/components/ui/clock-fields";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { bookAppointmentAction } from "@/lib/actions/appointments/book-appointment";
import type { BookableType } from "@/lib/billing/price-list/find-price-list";
import type { CalendarDoctor, CalendarLocation } from "@/lib/clinic/calendar";
import { type BookAppointmentFormValues, bookAppointmentFormSchema } from "@/lib/validations/appointments";
import { clinicInstantOf, formFieldOf, minutesOf, timeOfMinutes } from "./clinic-clock";
import { OutsideHoursChoice } from "./outside-hours-choice";
import { PatientPicker, type PickedPatient } from "./patient-picker";

export type BookingDraft = Omit<
  BookAppointmentFormValues,
  "patientId" | "reason" | "outsideHours" | "typeId"
>;

/** The type a booking starts with: the doctor's default while bookable, else the clinic's (listed first). */
function typeFor(doctor: CalendarDoctor | undefined, types: BookableType[]): string {
  return types.find((type) => type.id === doctor?.defaultTypeId)?.id ?? types[0]?.id ?? "";
}

/** Books a patient: from a free slot (times filled in) or from scratch (any start and end). */
export function BookingDialog({
  draft,
  onClose,
  timeZone,
  doctors,
  locations,
  types,
}: {
  draft: BookingDraft | null;
  onClose: () => void;
  timeZone: string;
  doctors: CalendarDoctor[];
  locations: CalendarLocation[];
  types: BookableType[];
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
          types={types}
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
  types,
}: {
  draft: BookingDraft;
  onDone: () => void;
  timeZone: string;
  doctors: CalendarDoctor[];
  locations: CalendarLocation[];
  types: BookableType[];
}) {
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const format = useClinicTimeFormat(timeZone);
  const { form, field, submit, pending } = useActionForm({
    schema: bookAppointmentFormSchema,
    action: bookAppointmentAction,
    defaultValues: {
      ...draft,
      typeId: typeFor(
        doctors.find((doctor) => doctor.id === draft.doctorId),
        types,
      ),
      patientId: "",
      reason: "",
      outsideHours: false,
    },
    toInput: (values) => ({
      patientId: values.patientId,
      doctorId: values.doctorId,
      locationId: values.locationId,
      typeId: values.typeId,
      startsAt: clinicInstantOf(values.date, values.startTime, timeZone),
      endsAt: clinicInstantOf(values.date, values.endTime, timeZone),
      reason: values.reason || undefined,
      outsideHours: values.outsideHours,
    }),
    fieldOf: formFieldOf,
    success: (booked) =>
      `Booked ${patient?.name ?? "the patient"} at ${format.time(new Date(booked.startsAt))} (ref ${booked.ref}).`,
    onSuccess: onDone,
  });

  const pickPatient = (picked: PickedPatient | null) => {
    setPatient(picked);
    form.setValue("patientId", picked?.id ?? "", { shouldValidate: form.formState.isSubmitted });
  };

  // The type's length fills in the end time; the person can still change it.
  const fillDuration = (typeId: string) => {
    const type = types.find((candidate) => candidate.id === typeId);
    const start = form.getValues("startTime");
    if (!type || !/^\d{2}:\d{2}$/.test(start)) return;
    const end = minutesOf(start) + type.durationMinutes;
    if (end < 24 * 60)
      form.setValue("endTime", timeOfMinutes(end), { shouldValidate: form.formState.isSubmitted });
  };
  const pickType = (typeId: string) => {
    form.setValue("typeId", typeId, { shouldValidate: form.formState.isSubmitted });
    fillDuration(typeId);
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <PatientPicker
        value={patient}
        onChange={pickPatient}
        error={form.getFieldState("patientId", form.formState).error?.message}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Doctor"
          options={[
            { value: "", label: "Choose a doctor" },
            ...doctors.map((d) => ({ value: d.id, label: d.name })),
          ]}
          {...field("doctorId", {
            onChange: (event) =>
              pickType(
                typeFor(
                  doctors.find((d) => d.id === event.target.value),
                  types,
                ),
              ),
          })}
        />
        <SelectField
          label="Location"
          options={[
            { value: "", label: "Choose a location" },
            ...locations.map((l) => ({ value: l.id, label: l.name })),
          ]}
          {...field("locationId")}
        />
      </div>
      <SelectField
        label="Appointment type"
        hint={
          types.length === 0
            ? "The clinic has no active appointment types: a manager adds them in Billing → Price list."
            : "Its length fills in the end time."
        }
        options={[
          { value: "", label: "Choose a type" },
          ...types.map((type) => ({ value: type.id, label: `${type.name} · ${type.durationMinutes} min` })),
        ]}
        {...field("typeId", { onChange: (event) => fillDuration(event.target.value) })}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <ClinicDateField label="Date" {...field("date")} />
        <ClinicTimeField
          label="Start"
          // With a type chosen, moving the start moves the end with it: the type says how long it is.
          {...field("startTime", { onChange: () => fillDuration(form.getValues("typeId")) })}
        />
        <ClinicTimeField label="End" {...field("endTime")} />
      </div>
      <p className="-mt-2 text-xs text-slate-600">Times are the clinic&apos;s ({timeZone}).</p>
      <OutsideHoursChoice form={form} field={field} />
      <TextField label="Reason for the visit" hint="Optional; shown to the doctor." {...field("reason")} />
      <FormActions
        pending={pending}
        submitLabel="Book"
        pendingLabel="Booking…"
        cancelLabel="Close"
        onCancel={onDone}
      />
    </form>
  );
}
