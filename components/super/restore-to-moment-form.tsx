"use client";

import { useMemo } from "react";
import { restoreClinicToMomentAction } from "@/lib/actions/pitr/restore-clinic-to-moment";
import { momentToInstant } from "@/lib/pitr/restore-moment";
import { restoreToMomentSchema } from "@/lib/validations/pitr";
import { ConfirmByTypingField } from "../ui/confirm-by-typing-field";
import { FormActions } from "../ui/form-actions";
import { TextField } from "../ui/form-field";
import { Notice } from "../ui/notice";
import { useActionForm } from "../ui/use-action-form";
import { type ClinicWindowView, formatMoment } from "./pitr-format";

const utcText = (at: Date) => `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;

/**
 * The moment to restore to, on the clinic's clock, and the subdomain typed to confirm. A moment
 * outside the window the page showed is refused here at once; the job's check decides again on
 * the server's current window before it touches anything.
 */
export function RestoreToMomentForm({
  clinic,
  view,
  keepHours,
  onStarted,
  onCancel,
}: {
  clinic: { id: string; name: string; subdomain: string };
  view: ClinicWindowView;
  keepHours: number;
  onStarted: (jobId: string) => void;
  onCancel: () => void;
}) {
  const { timeZone, window } = view;
  const schema = useMemo(
    () =>
      restoreToMomentSchema.superRefine((values, ctx) => {
        if (!window) return;
        const at = momentToInstant(values.moment, timeZone);
        const from = momentToInstant(window.from, timeZone);
        const to = window.to ? momentToInstant(window.to, timeZone) : new Date();
        if (at >= from && at <= to) return;
        ctx.addIssue({
          code: "custom",
          path: ["moment"],
          message: `${formatMoment(at, timeZone)} is outside the recoverable window: from ${window.fromText} to ${window.toText}. Choose a moment inside it.`,
        });
      }),
    [window, timeZone],
  );
  const { form, field, submit, pending, formError } = useActionForm({
    schema,
    action: restoreClinicToMomentAction,
    defaultValues: { clinicId: clinic.id, moment: "", timeZone, confirmation: "" },
    message: "inline",
    refresh: false,
    onSuccess: (started) => onStarted(started.jobId),
  });
  const moment = form.watch("moment");
  const confirmed = form.watch("confirmation").trim() === clinic.subdomain;
  const typed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(moment) ? momentToInstant(moment, timeZone) : null;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 text-sm text-slate-700">
        <p>{view.sentence}</p>
        {view.operatorDetail ? <Notice tone="warning">{view.operatorDetail}</Notice> : null}
        <p>
          {clinic.name}&apos;s data goes back to how it was at the moment you choose. Everything entered after
          it (patients, appointments, notes, invoices) is no longer in the clinic.
        </p>
        <p>
          The server&apos;s archive is replayed up to that moment in a scratch copy while the clinic keeps
          working. Then the clinic is <strong>briefly suspended</strong> while the databases are swapped.
        </p>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          The clinic&apos;s current database is kept aside for {keepHours} hours as an undo. A moment outside
          the window, or a problem before the swap, leaves the clinic exactly as it is.
        </p>
      </div>
      <TextField
        label={`Restore to (clinic time, ${timeZone})`}
        type="datetime-local"
        step={1}
        min={window?.from}
        max={window?.to ?? undefined}
        hint={
          typed && !Number.isNaN(typed.getTime())
            ? `${formatMoment(typed, timeZone)} in ${timeZone} is ${utcText(typed)}.`
            : `Date and time on the clinic's clock, to the second.`
        }
        {...field("moment")}
      />
      <ConfirmByTypingField expected={clinic.subdomain} {...field("confirmation")} />
      {formError ? <Notice>{formError}</Notice> : null}
      <FormActions
        pending={pending}
        submitLabel="Restore to this moment"
        pendingLabel="Starting…"
        danger
        disabled={!confirmed}
        onCancel={onCancel}
      />
    </form>
  );
}
