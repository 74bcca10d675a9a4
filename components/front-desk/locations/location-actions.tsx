"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import {
  deactivateLocationServerAction,
  deleteLocationServerAction,
  reactivateLocationServerAction,
} from "@/lib/actions/locations/server-actions";
import type { ActionResult } from "@/lib/actions/result";

type Change = "deactivate" | "reactivate" | "delete";

const CHANGES: Record<
  Change,
  {
    run: (input: { locationId: string }) => Promise<ActionResult<unknown>>;
    label: string;
    title: (name: string) => string;
    explain: string;
    done: (name: string) => string;
  }
> = {
  deactivate: {
    run: deactivateLocationServerAction,
    label: "Deactivate",
    title: (name) => `Deactivate ${name}?`,
    explain:
      "It can no longer be chosen for appointments or working hours. Its past appointments stay in the records, and you can open it again later.",
    done: (name) => `${name} is deactivated.`,
  },
  reactivate: {
    run: reactivateLocationServerAction,
    label: "Reactivate",
    title: (name) => `Reactivate ${name}?`,
    explain: "It can be chosen for appointments and working hours again.",
    done: (name) => `${name} is open again.`,
  },
  delete: {
    run: deleteLocationServerAction,
    label: "Delete",
    title: (name) => `Delete ${name}?`,
    explain: "Nothing refers to this location yet, so it can be removed for good. This cannot be undone.",
    done: (name) => `${name} is deleted.`,
  },
};

/** Deactivate / reactivate / delete, each confirmed in a dialog; the server decides what is allowed. */
export function LocationActions({
  location,
}: {
  location: { id: string; name: string; active: boolean; isMain: boolean; deletable: boolean };
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<Change | null>(null);
  const change = confirming ? CHANGES[confirming] : null;
  const available: Change[] = location.isMain
    ? []
    : [location.active ? "deactivate" : "reactivate", ...(location.deletable ? (["delete"] as const) : [])];

  const run = (which: Change) =>
    startTransition(async () => {
      const result = await CHANGES[which].run({ locationId: location.id });
      setConfirming(null);
      if (!result.ok) {
        toast(result.error.message, "error");
        return;
      }
      toast(CHANGES[which].done(location.name));
      router.refresh();
    });

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
      <Dialog
        open={change !== null}
        onClose={() => setConfirming(null)}
        title={change?.title(location.name) ?? ""}
      >
        <p className="text-sm text-slate-700">{change?.explain}</p>
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={() => setConfirming(null)} disabled={pending}>
            Cancel
          </Button>
          <Button
            variant={confirming === "reactivate" ? "primary" : "danger"}
            disabled={pending}
            onClick={() => confirming && run(confirming)}
          >
            {pending ? "Working…" : change?.label}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
