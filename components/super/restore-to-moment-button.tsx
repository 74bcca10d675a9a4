"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { BackupJobPanel } from "./backup-job-panel";
import type { ClinicWindowView } from "./pitr-format";
import { RestoreToMomentForm } from "./restore-to-moment-form";

type Clinic = { id: string; name: string; subdomain: string };

/**
 * "Restore to a moment…": the dialog asks for the moment and the subdomain, then follows the job's
 * steps live; a restore to a moment already under way (on load) shows its steps here.
 */
export function RestoreToMomentButton({
  clinic,
  view,
  keepHours,
  activeJobId,
}: {
  clinic: Clinic;
  view: ClinicWindowView;
  keepHours: number;
  activeJobId: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<string | null>(activeJobId);
  const close = () => setOpen(false);
  const label = `Restoring ${clinic.name} to a moment`;
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <Button
        variant="secondary"
        className="self-start"
        onClick={() => {
          setJobId(null);
          setOpen(true);
        }}
      >
        Restore to a moment…
      </Button>
      {jobId && !open ? <BackupJobPanel key={jobId} jobId={jobId} label={label} /> : null}
      <Dialog open={open} onClose={close} title={`Restore ${clinic.name} to a moment`}>
        {!open ? null : jobId ? (
          <div className="flex flex-col gap-4">
            <BackupJobPanel key={jobId} jobId={jobId} label={label} />
            <Button variant="ghost" className="self-end" onClick={close}>
              Close
            </Button>
          </div>
        ) : (
          <RestoreToMomentForm
            clinic={clinic}
            view={view}
            keepHours={keepHours}
            onStarted={setJobId}
            onCancel={close}
          />
        )}
      </Dialog>
    </div>
  );
}
