"use client";

import { useCallback } from "react";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { writeReferralLetterAction } from "@/lib/actions/letters/write-referral-letter";
import { type LetterParties, referralLetterText } from "@/lib/clinical/letters/templates";
import {
  REFERRAL_URGENCIES,
  REFERRAL_URGENCY_LABELS,
  type ReferralUrgency,
  writeReferralLetterSchema,
} from "@/lib/validations/letters";
import { LetterFormEnd } from "./letter-form-end";
import { useTemplateText } from "./use-template-text";

const URGENCY_OPTIONS = REFERRAL_URGENCIES.map((value) => ({ value, label: REFERRAL_URGENCY_LABELS[value] }));

/** A referral letter from a visit: to whom, how urgent, why, the history (prefilled), the text. */
export function ReferralLetterForm({
  patientId,
  visitId,
  parties,
  history,
  onDone,
}: {
  patientId: string;
  visitId: string;
  parties: LetterParties;
  /** The patient's active problems, current medicines and allergies, as first offered. */
  history: string;
  onDone: () => void;
}) {
  const { form, field, submit, pending, formError } = useActionForm({
    schema: writeReferralLetterSchema,
    action: writeReferralLetterAction,
    defaultValues: {
      patientId,
      visitId,
      recipient: "",
      recipientAddress: "",
      urgency: "ROUTINE" as ReferralUrgency,
      reason: "",
      history,
      body: "",
    },
    message: "inline",
    success: () => "The referral letter is written. Print it from the visit's Letters.",
    onSuccess: onDone,
  });
  const textOf = useCallback(
    (values: { recipient?: string; urgency?: ReferralUrgency; reason?: string; history?: string }) =>
      referralLetterText(parties, {
        recipient: values.recipient ?? "",
        urgency: values.urgency ?? "ROUTINE",
        reason: values.reason ?? "",
        history: values.history ?? "",
      }),
    [parties],
  );
  const template = useTemplateText(form, textOf);

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Write a referral letter">
      <TextField
        label="To"
        hint="A colleague's name or a service"
        placeholder="e.g. Cardiology clinic, City Hospital"
        {...field("recipient")}
      />
      <TextAreaField label="Their address" hint="Optional" rows={2} {...field("recipientAddress")} />
      <SelectField label="Urgency" options={URGENCY_OPTIONS} {...field("urgency")} />
      <TextAreaField
        label="Reason for referral"
        placeholder="e.g. chest pain on exertion for two weeks"
        rows={3}
        {...field("reason")}
      />
      <TextAreaField
        label="Relevant history"
        hint="From the patient's problem list, current medications and allergies: edit as needed."
        rows={7}
        {...field("history")}
      />
      <LetterFormEnd
        body={field("body")}
        template={template}
        writtenOnce="A referral letter is written once: it cannot be changed afterwards. Check the text first."
        formError={formError}
        pending={pending}
        submitLabel="Write referral"
        onCancel={onDone}
      />
    </form>
  );
}
