"use client";

import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordAllergyAction } from "@/lib/actions/allergies/record-allergy";
import {
  ALLERGY_CATEGORIES,
  ALLERGY_CATEGORY_LABELS,
  ALLERGY_STATUS_LABELS,
  ALLERGY_STATUSES,
  ALLERGY_VERIFICATION_LABELS,
  REACTION_SEVERITIES,
  recordAllergySchema,
  SEVERITY_LABELS,
} from "@/lib/validations/allergies";

const options = <K extends string>(values: readonly K[], labels: Record<K, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

const EMPTY = {
  substance: "",
  category: "DRUG",
  reactions: [{ manifestation: "", severity: "MILD" }],
  status: "ACTIVE",
  verification: "UNCONFIRMED",
  onset: "",
  note: "",
} as const;

/** Records an allergy or intolerance: the substance, its reactions with their severity, how sure it is. */
export function AllergyForm({ patientId, onDone }: { patientId: string; onDone?: () => void }) {
  const { form, field, submit, pending } = useActionForm({
    schema: recordAllergySchema,
    action: recordAllergyAction,
    defaultValues: { patientId, ...EMPTY, reactions: [...EMPTY.reactions] },
    success: () => "The allergy is recorded.",
    onSuccess: () => {
      form.reset({ patientId, ...EMPTY, reactions: [{ manifestation: "", severity: "MILD" }] });
      onDone?.();
    },
  });
  const reactions = useFieldArray({ control: form.control, name: "reactions" });
  const reactionErrors = form.formState.errors.reactions;

  return (
    <form onSubmit={submit} noValidate aria-label="Record an allergy" className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Substance" placeholder="e.g. Penicillin" {...field("substance")} />
        <SelectField
          label="Category"
          options={options(ALLERGY_CATEGORIES, ALLERGY_CATEGORY_LABELS)}
          {...field("category")}
        />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">Reactions</legend>
        {reactions.fields.map((reaction, index) => (
          <div key={reaction.id} className="grid items-end gap-3 sm:grid-cols-[1fr_10rem_auto]">
            <TextField
              label={`Reaction ${index + 1}`}
              placeholder="e.g. Hives"
              {...field(`reactions.${index}.manifestation`)}
            />
            <SelectField
              label="Severity"
              options={options(REACTION_SEVERITIES, SEVERITY_LABELS)}
              {...field(`reactions.${index}.severity`)}
            />
            <Button
              variant="ghost"
              onClick={() => reactions.remove(index)}
              aria-label={`Remove reaction ${index + 1}`}
            >
              Remove
            </Button>
          </div>
        ))}
        {reactionErrors?.message ? <p className="text-sm text-red-700">{reactionErrors.message}</p> : null}
        <div>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => reactions.append({ manifestation: "", severity: "MILD" })}
            disabled={reactions.fields.length >= 10}
          >
            Add a reaction
          </Button>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Status"
          options={options(ALLERGY_STATUSES, ALLERGY_STATUS_LABELS)}
          {...field("status")}
        />
        <SelectField
          label="Verification"
          options={options(["UNCONFIRMED", "CONFIRMED", "REFUTED"] as const, ALLERGY_VERIFICATION_LABELS)}
          {...field("verification")}
        />
        <TextField label="Onset (optional)" hint="2019, 2019-04 or 2019-04-12" {...field("onset")} />
      </div>
      <TextAreaField label="Note (optional)" {...field("note")} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Record allergy
        </SubmitButton>
        {onDone ? (
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
