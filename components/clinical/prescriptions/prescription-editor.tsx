"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { applyFieldErrors } from "@/components/ui/field-errors";
import { Notice } from "@/components/ui/notice";
import { useActionCall } from "@/components/ui/use-action-call";
import type { ActionError } from "@/lib/action-pipeline/result";
import { savePrescriptionDraftAction } from "@/lib/actions/prescriptions/save-prescription-draft";
import { signPrescriptionAction } from "@/lib/actions/prescriptions/sign-prescription";
import type { Favourite } from "@/lib/clinical/prescriptions/favourites";
import type { LineWarning } from "@/lib/clinical/prescriptions/prescription-checks";
import { type PrescriptionFormValues, signPrescriptionSchema } from "@/lib/validations/prescription-actions";
import { DiscardDraft } from "./discard-draft";
import { FavouritesBar } from "./favourites-bar";
import { LineCard } from "./line-card";
import { EMPTY_LINE, type LineFormValues, lineFormValuesOf } from "./line-form-values";

/**
 * The prescriber's draft: line cards, favourites one click away, the checks from the last save,
 * Save draft, Sign (with a reason for each warned line) and Discard.
 */
export function PrescriptionEditor({
  prescriptionId,
  revision,
  lines,
  warnings: savedWarnings,
  favourites,
  suggestions,
  leaveTo,
}: {
  prescriptionId: string;
  revision: string;
  lines: LineFormValues[];
  warnings: LineWarning[][];
  favourites: Favourite[];
  suggestions: string[];
  /** Where a discarded draft leaves the doctor: the visit, or the patient. */
  leaveTo: string;
}) {
  const suggestionsId = useId();
  const [warnings, setWarnings] = useState(savedWarnings);
  const form = useForm<PrescriptionFormValues>({
    resolver: zodResolver(signPrescriptionSchema),
    defaultValues: {
      prescriptionId,
      revision,
      lines: lines.length > 0 ? lines : [EMPTY_LINE],
      overrideReasons: [],
    },
  });
  const { fields, append, remove, update } = useFieldArray({ control: form.control, name: "lines" });
  const refused = (error: ActionError) => {
    applyFieldErrors(form.setError, error.fields);
    return false;
  };
  const save = useActionCall(savePrescriptionDraftAction, {
    success: () => "Draft saved.",
    onSuccess: (data) => {
      form.setValue("revision", data.revision);
      setWarnings(data.warnings);
    },
    onRefused: refused,
    refresh: false,
  });
  const sign = useActionCall(signPrescriptionAction, {
    success: (data) => `Signed ${data.number}.`,
    onRefused: refused,
  });
  const pending = save.pending || sign.pending;

  const pickFavourite = (favourite: Favourite) => {
    const values = form.getValues("lines");
    const empty = values.findIndex((line) => !line.medicationName?.trim());
    const filled = lineFormValuesOf(favourite.line);
    if (empty >= 0) update(empty, filled);
    else append(filled);
  };

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={form.handleSubmit((values) => sign.call(values))}
      aria-label="Prescription"
    >
      <FavouritesBar favourites={favourites} onPick={pickFavourite} disabled={pending} />
      <datalist id={suggestionsId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {fields.map((line, index) => (
        <LineCard
          key={line.id}
          form={form}
          index={index}
          count={fields.length}
          warnings={warnings[index] ?? []}
          suggestionsId={suggestionsId}
          onRemove={() => {
            remove(index);
            setWarnings((current) => current.filter((_, at) => at !== index));
          }}
        />
      ))}
      {form.formState.errors.lines?.root?.message || form.formState.errors.lines?.message ? (
        <Notice>{form.formState.errors.lines?.root?.message ?? form.formState.errors.lines?.message}</Notice>
      ) : null}
      <div>
        <Button
          variant="secondary"
          disabled={fields.length >= 12 || pending}
          onClick={() => append(EMPTY_LINE)}
        >
          Add another medicine
        </Button>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
        <DiscardDraft prescriptionId={prescriptionId} leaveTo={leaveTo} disabled={pending} />
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={pending}
            onClick={form.handleSubmit((values) => save.call(values))}
          >
            {save.pending ? "Saving…" : "Save draft"}
          </Button>
          <Button type="submit" disabled={pending}>
            {sign.pending ? "Signing…" : "Sign prescription"}
          </Button>
        </div>
      </div>
      <p className="text-xs text-slate-600">
        Checks run on the server when you save and again when you sign. Once signed, the prescription cannot
        be changed, only cancelled or marked entered in error.
      </p>
    </form>
  );
}
