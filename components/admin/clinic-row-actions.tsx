"use client";

import { useState } from "react";
import { resumeClinicAction } from "@/lib/actions/admin/resume-clinic";
import { retryClinicSetupAction } from "@/lib/actions/admin/retry-clinic-setup";
import type { AdminClinicRow } from "@/lib/admin/find-admin-clinics";
import { Button, ButtonLink } from "../ui/button";
import { useActionCall } from "../ui/use-action-call";
import { DeleteClinicDialog } from "./delete-clinic-dialog";
import { OpenClinicButton } from "./open-clinic-button";
import { RemoveFailedClinicDialog } from "./remove-failed-clinic-dialog";
import { SuspendClinicDialog } from "./suspend-clinic-dialog";

/**
 * What an admin can do to one clinic, by its status and their role in it: co-admins open, suspend,
 * resume and retry a failed set-up; only the owner deletes, removes and manages co-admins.
 */
export function ClinicRowActions({
  clinic,
  address,
  reservationDays,
  backupsAllowed = false,
}: {
  clinic: AdminClinicRow;
  address: string;
  reservationDays: number;
  /** The platform lets clinic admins back up their clinics (platform_settings). */
  backupsAllowed?: boolean;
}) {
  const [dialog, setDialog] = useState<"suspend" | "delete" | "remove" | null>(null);
  const resume = useActionCall(resumeClinicAction, { success: () => `${clinic.name} is active again.` });
  const retry = useActionCall(retryClinicSetupAction, { success: () => `Setting up ${clinic.name} again.` });
  const isOwner = clinic.role === "owner";
  const running = clinic.status === "ACTIVE" || clinic.status === "SUSPENDED";
  const deleteStopped = clinic.attention?.kind === "delete-failed";
  // FAILED, or a set-up with no job left to finish it.
  const setupStopped = clinic.attention?.kind === "setup-failed";

  return (
    <div className="flex flex-wrap gap-2">
      {clinic.status === "ACTIVE" ? (
        <>
          <OpenClinicButton size="sm" clinicId={clinic.id} />
          <Button size="sm" variant="secondary" onClick={() => setDialog("suspend")}>
            Suspend
          </Button>
        </>
      ) : null}
      {clinic.status === "SUSPENDED" ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={resume.pending}
          onClick={() => resume.call({ clinicId: clinic.id })}
        >
          {resume.pending ? "Resuming…" : "Resume"}
        </Button>
      ) : null}
      {setupStopped ? (
        <Button size="sm" disabled={retry.pending} onClick={() => retry.call({ clinicId: clinic.id })}>
          {retry.pending ? "Retrying…" : "Retry"}
        </Button>
      ) : null}
      {isOwner && (setupStopped || deleteStopped) ? (
        <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setDialog("remove")}>
          {deleteStopped ? "Retry delete" : "Remove"}
        </Button>
      ) : null}
      {backupsAllowed && running ? (
        <ButtonLink size="sm" variant="ghost" href={`/admin/clinics/${clinic.id}/backups`}>
          Backups
        </ButtonLink>
      ) : null}
      {isOwner && running ? (
        <>
          <ButtonLink size="sm" variant="ghost" href={`/admin/clinics/${clinic.id}/co-admins`}>
            Co-admins
          </ButtonLink>
          <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setDialog("delete")}>
            Delete
          </Button>
        </>
      ) : null}
      {dialog === "suspend" ? <SuspendClinicDialog clinic={clinic} onClose={() => setDialog(null)} /> : null}
      {dialog === "delete" ? (
        <DeleteClinicDialog
          clinic={clinic}
          address={address}
          reservationDays={reservationDays}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === "remove" ? (
        <RemoveFailedClinicDialog
          clinic={{ ...clinic, neverActive: clinic.schemaVersion === null }}
          address={address}
          reservationDays={reservationDays}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
