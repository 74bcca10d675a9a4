"use client";

import { useTransition } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import type { ServerAction } from "./server-action";

/** Suspending locks every staff member out at once, so it asks first; resuming does not. */
export function SuspendClinicDialog({
  clinic,
  suspend,
  onClose,
  onDone,
}: {
  clinic: { id: string; name: string };
  suspend: ServerAction<unknown>;
  onClose: () => void;
  onDone: (error?: string) => void;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <Dialog open onClose={onClose} title={`Suspend ${clinic.name}?`}>
      <p className="text-sm text-slate-700">
        Its staff are signed out and cannot use the clinic until you resume it. Nothing is deleted.
      </p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await suspend({ clinicId: clinic.id });
              onDone(result.ok ? undefined : result.error.message);
            })
          }
        >
          {pending ? "Suspending…" : "Suspend clinic"}
        </Button>
      </div>
    </Dialog>
  );
}
