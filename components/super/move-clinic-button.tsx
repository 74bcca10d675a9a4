"use client";

import { useState } from "react";
import type { MoveTarget } from "@/lib/moves/console-move";
import type { MovePreview } from "@/lib/moves/move-method";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { MoveClinicForm } from "./move-clinic-form";
import { MoveJobSteps } from "./move-job-steps";

type Clinic = { id: string; name: string; subdomain: string; serverName: string };

/**
 * "Move to another server…": the dialog asks where and for the subdomain, then shows the move's
 * steps live and its outcome; a move already under way (on load) shows its steps here.
 */
export function MoveClinicButton({
  clinic,
  targets,
  preview,
  activeJobId,
}: {
  clinic: Clinic;
  targets: MoveTarget[];
  /** How the move would copy the clinic, read from its server when the page was rendered. */
  preview: MovePreview | null;
  activeJobId: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<string | null>(activeJobId);
  const close = () => setOpen(false);
  const label = `Moving ${clinic.name}`;
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <Button
        className="self-start"
        onClick={() => {
          setJobId(null);
          setOpen(true);
        }}
      >
        Move to another server…
      </Button>
      {jobId && !open ? <MoveJobSteps key={jobId} jobId={jobId} label={label} /> : null}
      <Dialog open={open} onClose={close} title={`Move ${clinic.name} to another server`}>
        {!open ? null : jobId ? (
          <div className="flex flex-col gap-4">
            <MoveJobSteps key={jobId} jobId={jobId} label={label} />
            <Button variant="ghost" className="self-end" onClick={close}>
              Close
            </Button>
          </div>
        ) : (
          <MoveClinicForm
            clinic={clinic}
            targets={targets}
            preview={preview}
            onStarted={setJobId}
            onCancel={close}
          />
        )}
      </Dialog>
    </div>
  );
}
