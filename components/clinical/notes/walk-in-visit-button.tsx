"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import { startWalkInVisitAction } from "@/lib/actions/visits/start-walk-in-visit";
import { startWalkInVisitSchema } from "@/lib/validations/visits";

/** A doctor sees a patient who came without an appointment: where, and why they came. */
export function WalkInVisitButton({
  patientId,
  locations,
}: {
  patientId: string;
  locations: { id: string; name: string }[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Start walk-in visit
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Start a walk-in visit">
        {open ? (
          <WalkInForm patientId={patientId} locations={locations} onCancel={() => setOpen(false)} />
        ) : null}
      </Dialog>
    </>
  );
}

function WalkInForm({
  patientId,
  locations,
  onCancel,
}: {
  patientId: string;
  locations: { id: string; name: string }[];
  onCancel: () => void;
}) {
  const router = useRouter();
  const { field, submit, pending } = useActionForm({
    schema: startWalkInVisitSchema,
    action: startWalkInVisitAction,
    defaultValues: { patientId, locationId: locations[0]?.id ?? "", reason: "" },
    refresh: false,
    onSuccess: ({ visitId }) => router.push(`/visits/${visitId}`),
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">You are the visit&apos;s doctor; it starts now.</p>
      <SelectField
        label="Location"
        options={locations.map((location) => ({ value: location.id, label: location.name }))}
        {...field("locationId")}
      />
      <TextField
        label="Reason for the visit"
        hint="For example: cut on the left hand."
        {...field("reason")}
      />
      <FormActions pending={pending} submitLabel="Start visit" pendingLabel="Starting…" onCancel={onCancel} />
    </form>
  );
}
