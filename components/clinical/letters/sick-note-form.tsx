"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ClinicDateField } from "@/components/ui/clock-fields";
import { TextField } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { writeSickNoteAction } from "@/lib/actions/letters/write-sick-note";
import { type LetterParties, sickNoteText } from "@/lib/clinical/letters/templates";
import { daysCovered, isoDayPlus, SICK_NOTE_MAX_DAYS, writeSickNoteSchema } from "@/lib/validations/letters";
import { LetterFormEnd } from "./letter-form-end";
import { useTemplateText } from "./use-template-text";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A whole number of days a sick note can cover, or null. */
function daysOf(text: string): number | null {
  const days = Number(text.trim());
  return text.trim() && Number.isInteger(days) && days >= 1 && days <= SICK_NOTE_MAX_DAYS ? days : null;
}

/** A sick note from a visit: the days unfit (to a date or for N days), condition, remarks, the text. */
export function SickNoteForm({
  patientId,
  visitId,
  parties,
  today,
  onDone,
}: {
  patientId: string;
  visitId: string;
  parties: LetterParties;
  /** The clinic's today (YYYY-MM-DD): the first day unfit by default. */
  today: string;
  onDone: () => void;
}) {
  const { form, field, submit, pending, formError } = useActionForm({
    schema: writeSickNoteSchema,
    action: writeSickNoteAction,
    defaultValues: {
      patientId,
      visitId,
      unfitFrom: today,
      unfitTo: today,
      condition: "",
      remarks: "",
      body: "",
    },
    message: "inline",
    success: () => "The sick note is written. Print it from the visit's Letters.",
    onSuccess: onDone,
  });
  const textOf = useCallback(
    (values: { unfitFrom?: string; unfitTo?: string; condition?: string | null; remarks?: string | null }) =>
      sickNoteText(parties, {
        unfitFrom: values.unfitFrom ?? "",
        unfitTo: values.unfitTo ?? "",
        condition: values.condition,
        remarks: values.remarks,
      }),
    [parties],
  );
  const template = useTemplateText(form, textOf);
  const [daysText, setDaysText] = useState("1");
  const days = useRef<number | null>(1);

  // "For N days" sets the last day from the first; typing a last day shows the days it makes.
  const setLastDay = useCallback(
    (from: string | undefined, count: number | null) => {
      if (count === null || !from || !ISO_DAY.test(from)) return;
      const last = isoDayPlus(from, count - 1);
      if (form.getValues("unfitTo") !== last)
        form.setValue("unfitTo", last, { shouldValidate: form.formState.isSubmitted });
    },
    [form],
  );
  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      if (name === "unfitFrom") setLastDay(values.unfitFrom, days.current);
      if (name !== "unfitTo" || !values.unfitFrom || !values.unfitTo) return;
      const valid = ISO_DAY.test(values.unfitFrom) && ISO_DAY.test(values.unfitTo);
      const count = valid ? daysCovered(values.unfitFrom, values.unfitTo) : null;
      days.current = count !== null && count >= 1 ? count : null;
      setDaysText(days.current === null ? "" : String(days.current));
    });
    return () => subscription.unsubscribe();
  }, [form, setLastDay]);

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Write a sick note">
      <div className="grid gap-4 sm:grid-cols-[1fr_6rem_1fr]">
        <ClinicDateField label="Unfit from" {...field("unfitFrom")} />
        <TextField
          label="For days"
          inputMode="numeric"
          autoComplete="off"
          value={daysText}
          onChange={(event) => {
            setDaysText(event.target.value);
            days.current = daysOf(event.target.value);
            setLastDay(form.getValues("unfitFrom"), days.current);
          }}
        />
        <ClinicDateField label="Unfit to (last day)" {...field("unfitTo")} />
      </div>
      <TextField
        label="Condition"
        hint="Optional: leave it blank if the patient prefers it not shown."
        placeholder="e.g. acute bronchitis"
        {...field("condition")}
      />
      <TextField
        label="Remarks"
        hint="Optional"
        placeholder="e.g. may return on light duties"
        {...field("remarks")}
      />
      <LetterFormEnd
        body={field("body")}
        template={template}
        writtenOnce="A sick note is written once: it cannot be changed afterwards. Check the dates and the text first."
        formError={formError}
        pending={pending}
        submitLabel="Write sick note"
        onCancel={onDone}
      />
    </form>
  );
}
