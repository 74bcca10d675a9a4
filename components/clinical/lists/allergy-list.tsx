"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { SelectField } from "@/components/ui/select";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateAllergyAction } from "@/lib/actions/allergies/update-allergy";
import type { AllergyRow } from "@/lib/clinical/allergies";
import {
  ALLERGY_CATEGORY_LABELS,
  ALLERGY_STATUS_LABELS,
  ALLERGY_STATUSES,
  ALLERGY_VERIFICATION_LABELS,
  ALLERGY_VERIFICATIONS,
  SEVERITY_LABELS,
  updateAllergySchema,
} from "@/lib/validations/allergies";

const SEVERITY_TONE = { MILD: "neutral", MODERATE: "warning", SEVERE: "danger" } as const;

/** The patient's allergies, active first; those who manage allergies change status or verification. */
export function AllergyList({ allergies, canManage }: { allergies: AllergyRow[]; canManage: boolean }) {
  const [changing, setChanging] = useState<AllergyRow | null>(null);
  if (allergies.length === 0) return null;
  return (
    <>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
        {allergies.map((allergy) => (
          <li key={allergy.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 px-3 py-2.5 text-sm">
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className={`font-semibold ${allergy.status === "ACTIVE" ? "text-slate-900" : "text-slate-500"}`}
                >
                  {allergy.substance}
                </span>
                <Badge>{ALLERGY_CATEGORY_LABELS[allergy.category]}</Badge>
                {allergy.severity ? (
                  <Badge tone={SEVERITY_TONE[allergy.severity]}>{SEVERITY_LABELS[allergy.severity]}</Badge>
                ) : null}
                <Badge tone={allergy.status === "ACTIVE" ? "brand" : "neutral"}>
                  {ALLERGY_STATUS_LABELS[allergy.status]}
                </Badge>
                <span className="text-slate-600">{ALLERGY_VERIFICATION_LABELS[allergy.verification]}</span>
              </div>
              {allergy.reactions.length > 0 ? (
                <p className="text-slate-700">
                  {allergy.reactions
                    .map(
                      (reaction) =>
                        `${reaction.manifestation} (${SEVERITY_LABELS[reaction.severity].toLowerCase()})`,
                    )
                    .join(", ")}
                </p>
              ) : null}
              {allergy.onset ? <p className="text-slate-600">Since {allergy.onset}</p> : null}
              {allergy.note ? <p className="whitespace-pre-line text-slate-600">{allergy.note}</p> : null}
            </div>
            {canManage && allergy.verification !== "ENTERED_IN_ERROR" ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => setChanging(allergy)}
                aria-label={`Change ${allergy.substance}`}
              >
                Change
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {changing ? <ChangeAllergyDialog allergy={changing} onClose={() => setChanging(null)} /> : null}
    </>
  );
}

function ChangeAllergyDialog({ allergy, onClose }: { allergy: AllergyRow; onClose: () => void }) {
  const { form, field, submit, pending } = useActionForm({
    schema: updateAllergySchema,
    action: updateAllergyAction,
    defaultValues: {
      allergyId: allergy.id,
      status: allergy.status,
      verification: allergy.verification,
      reason: "",
    },
    success: () => "The allergy is updated.",
    onSuccess: onClose,
  });
  const enteredInError = form.watch("verification") === "ENTERED_IN_ERROR";
  return (
    <Dialog open onClose={onClose} title={`Change ${allergy.substance}`}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <SelectField
          label="Status"
          options={ALLERGY_STATUSES.map((value) => ({ value, label: ALLERGY_STATUS_LABELS[value] }))}
          {...field("status")}
        />
        <SelectField
          label="Verification"
          hint="Entered in error: recorded by mistake (kept in the record, hidden from the list)."
          options={ALLERGY_VERIFICATIONS.map((value) => ({
            value,
            label: ALLERGY_VERIFICATION_LABELS[value],
          }))}
          {...field("verification")}
        />
        {enteredInError ? <TextAreaField label="Why is it entered in error?" {...field("reason")} /> : null}
        <FormActions pending={pending} submitLabel="Save" pendingLabel="Saving…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
