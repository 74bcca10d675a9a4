"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { FieldError, Input, Label } from "../ui/input";
import type { ServerAction } from "./server-action";

/** Deleting is for good: the person types the subdomain, and the server checks it again. */
export function DeleteClinicDialog({
  clinic,
  address,
  reservationDays,
  remove,
  onClose,
  onDeleted,
}: {
  clinic: { id: string; name: string; subdomain: string };
  address: string;
  reservationDays: number;
  remove: ServerAction<unknown>;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const inputId = useId();
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmed = confirmation.trim() === clinic.subdomain;

  return (
    <Dialog open onClose={onClose} title={`Delete ${clinic.name}?`}>
      <div className="flex flex-col gap-3 text-sm text-slate-700">
        <p>
          This <strong>drops the clinic&apos;s database</strong>: every patient, appointment, visit note,
          prescription and invoice in it is gone, and its staff can no longer sign in.
        </p>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          There are no backups yet, so this cannot be undone.
        </p>
        <p>
          The address <span className="font-mono">{address}</span> stays reserved for {reservationDays} days;
          after that anyone can take it.
        </p>
      </div>
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirmed) return;
          startTransition(async () => {
            const result = await remove({ clinicId: clinic.id, confirmation });
            if (!result.ok) {
              setError(result.error.fields?.confirmation ?? result.error.message);
              return;
            }
            onDeleted();
          });
        }}
      >
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={inputId}>
            Type <span className="font-mono">{clinic.subdomain}</span> to confirm
          </Label>
          <Input
            id={inputId}
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          {error ? <FieldError id={`${inputId}-error`}>{error}</FieldError> : null}
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!confirmed || pending}>
            {pending ? "Deleting…" : "Delete clinic"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
