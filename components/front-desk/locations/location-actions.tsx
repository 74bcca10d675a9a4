"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionCall } from "@/components/ui/use-action-call";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { deactivateLocationAction } from "@/lib/actions/locations/deactivate-location";
import { deleteLocationAction } from "@/lib/actions/locations/delete-location";
import { reactivateLocationAction } from "@/lib/actions/locations/reactivate-location";

type Change = "deactivate" | "reactivate" | "delete";

const CHANGES: Record<
  Change,
  {
    action: ServerAction<unknown>;
    label: string;
    title: (name: string) => string;
    explain: string;
    done: (name: string) => string;
  }
> = {
  deactivate: {
    action: deactivateLocationAction,
    label: "Deactivate",
    title: (name) => `Deactivate ${name}?`,
    explain:
      "It can no longer be chosen for appointments or working hours. Its past appointments stay in the records, and you can open it again later.",
    done: (name) => `${name} is deactivated.`,
  },
  reactivate: {
    action: reactivateLocationAction,
    label: "Reactivate",
    title: (name) => `Reactivate ${name}?`,
    explain: "It can be chosen for appointments and working hours again.",
    done: (name) => `${name} is open again.`,
  },
  delete: {
    action: deleteLocationAction,
    label: "Delete",
    title: (name) => `Delete ${name}?`,
    explain: "Nothing refers to this location yet, so it can be removed for good. This cannot be undone.",
    done: (name) => `${name} is deleted.`,
  },
};

type Location = { id: string; name: string; active: boolean; isMain: boolean; deletable: boolean };

/** Deactivate / reactivate / delete, each confirmed in a dialog; the server decides what is allowed. */
export function LocationActions({ location }: { location: Location }) {
  const [confirming, setConfirming] = useState<Change | null>(null);
  const available: Change[] = location.isMain
    ? []
    : [location.active ? "deactivate" : "reactivate", ...(location.deletable ? (["delete"] as const) : [])];

  return (
    <>
      {available.map((which) => (
        <Button
          key={which}
          variant={which === "delete" ? "ghost" : "secondary"}
          size="sm"
          className={which === "delete" ? "text-red-700 hover:bg-red-50 hover:text-red-800" : undefined}
          onClick={() => setConfirming(which)}
        >
          {CHANGES[which].label}
          <span className="sr-only"> {location.name}</span>
        </Button>
      ))}
      {confirming ? (
        <LocationChangeDialog change={confirming} location={location} onClose={() => setConfirming(null)} />
      ) : null}
    </>
  );
}

function LocationChangeDialog({
  change,
  location,
  onClose,
}: {
  change: Change;
  location: Location;
  onClose: () => void;
}) {
  const { action, label, title, explain, done } = CHANGES[change];
  // Closed whatever the answer: a refusal is said in a toast.
  const run = useActionCall(action, {
    success: () => done(location.name),
    onSuccess: onClose,
    onRefused: () => {
      onClose();
      return false;
    },
  });
  return (
    <ConfirmDialog
      title={title(location.name)}
      confirmLabel={label}
      danger={change !== "reactivate"}
      pending={run.pending}
      onConfirm={() => run.call({ locationId: location.id })}
      onClose={onClose}
    >
      <p>{explain}</p>
    </ConfirmDialog>
  );
}
