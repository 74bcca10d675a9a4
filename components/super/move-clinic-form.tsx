"use client";

import { moveClinicAction } from "@/lib/actions/moves/move-clinic";
import type { MoveTarget } from "@/lib/moves/console-move";
import type { MovePreview } from "@/lib/moves/move-method";
import { moveClinicSchema } from "@/lib/validations/moves";
import { cn } from "../ui/cn";
import { ConfirmByTypingField } from "../ui/confirm-by-typing-field";
import { FormActions } from "../ui/form-actions";
import { useActionForm } from "../ui/use-action-form";

/**
 * Where to move the clinic (each server with its clinics and capacity), confirmed by typing the
 * subdomain; first, how the move copies it and how long the clinic pauses.
 */
export function MoveClinicForm({
  clinic,
  targets,
  preview,
  onStarted,
  onCancel,
}: {
  clinic: { id: string; subdomain: string; serverName: string };
  targets: MoveTarget[];
  preview: MovePreview | null;
  onStarted: (jobId: string) => void;
  onCancel: () => void;
}) {
  const first = targets.find((target) => !target.unavailable);
  const { form, field, submit, pending } = useActionForm({
    schema: moveClinicSchema,
    action: moveClinicAction,
    defaultValues: { clinicId: clinic.id, toServerId: first?.id ?? "", confirmation: "" },
    message: { field: "confirmation" },
    refresh: false,
    onSuccess: (started) => onStarted(started.jobId),
  });
  const confirmed = form.watch("confirmation").trim() === clinic.subdomain;
  const choice = field("toServerId");
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 text-sm text-slate-700">
        {preview && preview.method !== "replication" ? (
          <div role="note" className="flex flex-col gap-1 rounded-md bg-amber-50 px-3 py-2 text-amber-900">
            <p className="font-medium">{preview.headline}</p>
            <p className="break-words">{preview.summary}</p>
          </div>
        ) : (
          <p>
            The clinic&apos;s rows are copied to the new server while it keeps working; then it{" "}
            <strong>pauses for a moment</strong> (usually well under a second) while it switches over.
          </p>
        )}
        <p>
          Its database on <strong>{clinic.serverName}</strong> is kept there, closed, until you remove it.
        </p>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-900">Move to</legend>
        {targets.map((target) => (
          <label
            key={target.id}
            className={cn(
              "flex items-center gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm",
              target.unavailable ? "text-slate-500" : "cursor-pointer hover:bg-slate-50",
            )}
          >
            <input type="radio" value={target.id} disabled={Boolean(target.unavailable)} {...choice} />
            <span className="font-medium">{target.name}</span>
            <span className="ml-auto text-right tabular-nums">
              {target.clinics} / {target.capacity} clinics
              {target.unavailable ? ` · ${target.unavailable}` : ""}
            </span>
          </label>
        ))}
        {choice.error ? <span className="text-sm text-red-700">{choice.error}</span> : null}
        {first ? null : (
          <span className="text-sm text-slate-700">
            No other active server has room: add one or raise a server&apos;s capacity in Database servers.
          </span>
        )}
      </fieldset>
      <ConfirmByTypingField expected={clinic.subdomain} {...field("confirmation")} />
      <FormActions
        pending={pending}
        submitLabel="Move the clinic"
        pendingLabel="Starting…"
        disabled={!confirmed || !first}
        onCancel={onCancel}
      />
    </form>
  );
}
