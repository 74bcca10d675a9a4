"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ClinicDate } from "@/components/ui/clinic-clock";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useActionCall } from "@/components/ui/use-action-call";
import { useActionForm } from "@/components/ui/use-action-form";
import { markDiagnosisEnteredInErrorAction } from "@/lib/actions/diagnoses/mark-diagnosis-entered-in-error";
import { resolveDiagnosisAction } from "@/lib/actions/diagnoses/resolve-diagnosis";
import { DIAGNOSIS_STATUS_LABELS, enteredInErrorSchema } from "@/lib/validations/diagnoses";

export type DiagnosisItem = {
  id: string;
  code: string;
  title: string;
  inCodeList: boolean;
  status: "ACTIVE" | "RESOLVED" | "ENTERED_IN_ERROR";
  onset: string | null;
  /** The day it was resolved (YYYY-MM-DD on the clinic's calendar). */
  resolvedOn: string | null;
  enteredInErrorReason: string | null;
};

/**
 * Diagnoses as a list: active first, resolved below, entered-in-error ones behind a toggle; a
 * doctor resolves or marks them entered in error.
 */
export function DiagnosisList({
  items,
  canManage,
  label,
  empty,
}: {
  items: DiagnosisItem[];
  canManage: boolean;
  label: string;
  empty: string;
}) {
  const [showErrors, setShowErrors] = useState(false);
  const [resolving, setResolving] = useState<DiagnosisItem | null>(null);
  const [erring, setErring] = useState<DiagnosisItem | null>(null);
  const visible = items.filter((item) => item.status !== "ENTERED_IN_ERROR");
  const errors = items.filter((item) => item.status === "ENTERED_IN_ERROR");
  const shown = [
    ...visible.filter((item) => item.status === "ACTIVE"),
    ...visible.filter((item) => item.status === "RESOLVED"),
    ...(showErrors ? errors : []),
  ];
  return (
    <div className="@container flex flex-col gap-2">
      {shown.length === 0 ? <p className="text-sm text-slate-600">{empty}</p> : null}
      {shown.length > 0 ? (
        <ul aria-label={label} className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {shown.map((item) => (
            <li
              key={item.id}
              className="flex flex-col gap-2 px-3 py-2.5 text-sm @xl:flex-row @xl:items-center @xl:gap-3"
            >
              <div className="flex min-w-0 flex-1 flex-col gap-0.5 @xl:flex-row @xl:items-baseline @xl:gap-3">
                <span className="shrink-0 font-mono font-semibold text-slate-900 @xl:w-20">{item.code}</span>{" "}
                <span
                  className={`min-w-0 ${item.status === "ACTIVE" ? "text-slate-900" : "text-slate-500"} ${item.status === "ENTERED_IN_ERROR" ? "line-through" : ""}`}
                >
                  {item.title}
                  {item.onset ? <span className="text-slate-600"> · since {item.onset}</span> : null}
                  {item.status === "RESOLVED" && item.resolvedOn ? (
                    <span className="text-slate-600">
                      {" "}
                      · resolved <ClinicDate date={item.resolvedOn} />
                    </span>
                  ) : null}
                  {item.enteredInErrorReason ? (
                    <span className="block text-slate-600 no-underline">
                      Reason: {item.enteredInErrorReason}
                    </span>
                  ) : null}
                </span>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {item.inCodeList ? null : <Badge tone="warning">not in the list</Badge>}
                <Badge
                  tone={
                    item.status === "ACTIVE" ? "brand" : item.status === "RESOLVED" ? "success" : "danger"
                  }
                >
                  {DIAGNOSIS_STATUS_LABELS[item.status]}
                </Badge>
                {canManage && item.status === "ACTIVE" ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setResolving(item)}
                    aria-label={`Resolve ${item.code}`}
                  >
                    Resolve
                  </Button>
                ) : null}
                {canManage && item.status !== "ENTERED_IN_ERROR" ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => setErring(item)}
                    aria-label={`Mark ${item.code} entered in error`}
                  >
                    Entered in error
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {errors.length > 0 ? (
        <div>
          <Button
            variant="ghost"
            size="sm"
            aria-expanded={showErrors}
            onClick={() => setShowErrors(!showErrors)}
          >
            {showErrors ? "Hide" : "Show"} entered in error ({errors.length})
          </Button>
        </div>
      ) : null}
      {resolving ? <ResolveDialog item={resolving} onClose={() => setResolving(null)} /> : null}
      {erring ? <EnteredInErrorDialog item={erring} onClose={() => setErring(null)} /> : null}
    </div>
  );
}

function ResolveDialog({ item, onClose }: { item: DiagnosisItem; onClose: () => void }) {
  const resolved = useActionCall(resolveDiagnosisAction, {
    message: "inline",
    success: () => `${item.code} is resolved.`,
    onSuccess: onClose,
  });
  return (
    <ConfirmDialog
      title={`Resolve ${item.code}`}
      confirmLabel="Mark resolved"
      pendingLabel="Saving…"
      pending={resolved.pending}
      error={resolved.error}
      onConfirm={() => resolved.call({ diagnosisId: item.id })}
      onClose={onClose}
    >
      <p>
        {item.code} {item.title} moves to the resolved problems, dated today.
      </p>
    </ConfirmDialog>
  );
}

function EnteredInErrorDialog({ item, onClose }: { item: DiagnosisItem; onClose: () => void }) {
  const { field, submit, pending } = useActionForm({
    schema: enteredInErrorSchema,
    action: markDiagnosisEnteredInErrorAction,
    defaultValues: { diagnosisId: item.id, reason: "" },
    success: () => `${item.code} is marked entered in error.`,
    onSuccess: onClose,
  });
  return (
    <Dialog open onClose={onClose} title={`${item.code} entered in error`}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">
          The entry stays in the record with your reason, hidden from the list unless someone asks to see it.
        </p>
        <TextAreaField label="Reason" placeholder="e.g. Recorded on the wrong patient" {...field("reason")} />
        <FormActions
          pending={pending}
          submitLabel="Mark entered in error"
          pendingLabel="Saving…"
          danger
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
