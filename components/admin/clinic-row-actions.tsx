"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { AdminClinicRow } from "@/lib/admin/find-admin-clinics";
import { Button, ButtonLink } from "../ui/button";
import { useToast } from "../ui/toast";
import { DeleteClinicDialog } from "./delete-clinic-dialog";
import { OpenClinicButton } from "./open-clinic-button";
import type { ClinicRowActions as Actions } from "./server-action";
import { SuspendClinicDialog } from "./suspend-clinic-dialog";

/**
 * What an admin can do to one clinic, by its status and their role in it: co-admins open, suspend
 * and resume; only the owner deletes, retries a failed set-up and manages co-admins.
 */
export function ClinicRowActions({
  clinic,
  address,
  reservationDays,
  actions,
}: {
  clinic: AdminClinicRow;
  address: string;
  reservationDays: number;
  actions: Actions;
}) {
  const router = useRouter();
  const toast = useToast();
  const [dialog, setDialog] = useState<"suspend" | "delete" | null>(null);
  const [pending, startTransition] = useTransition();
  const isOwner = clinic.role === "owner";
  const done = (message: string, error?: string) => {
    setDialog(null);
    toast(error ?? message, error ? "error" : "success");
    router.refresh();
  };
  const retry = `/admin/clinics/new?${new URLSearchParams({ name: clinic.name, subdomain: clinic.subdomain })}`;

  return (
    <div className="flex flex-wrap gap-2">
      {clinic.status === "ACTIVE" ? (
        <>
          <OpenClinicButton size="sm" clinicId={clinic.id} open={actions.open} />
          <Button size="sm" variant="secondary" onClick={() => setDialog("suspend")}>
            Suspend
          </Button>
        </>
      ) : null}
      {clinic.status === "SUSPENDED" ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await actions.resume({ clinicId: clinic.id });
              done(`${clinic.name} is active again.`, result.ok ? undefined : result.error.message);
            })
          }
        >
          {pending ? "Resuming…" : "Resume"}
        </Button>
      ) : null}
      {clinic.status === "FAILED" && isOwner ? (
        <ButtonLink size="sm" href={retry}>
          Try again
        </ButtonLink>
      ) : null}
      {isOwner && clinic.status !== "PROVISIONING" && clinic.status !== "DELETING" ? (
        <>
          <ButtonLink size="sm" variant="ghost" href={`/admin/clinics/${clinic.id}/co-admins`}>
            Co-admins
          </ButtonLink>
          <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setDialog("delete")}>
            Delete
          </Button>
        </>
      ) : null}
      {dialog === "suspend" ? (
        <SuspendClinicDialog
          clinic={clinic}
          suspend={actions.suspend}
          onClose={() => setDialog(null)}
          onDone={(error) => done(`${clinic.name} is suspended.`, error)}
        />
      ) : null}
      {dialog === "delete" ? (
        <DeleteClinicDialog
          clinic={clinic}
          address={address}
          reservationDays={reservationDays}
          remove={actions.remove}
          onClose={() => setDialog(null)}
          onDeleted={() => done(`${clinic.name} was deleted.`)}
        />
      ) : null}
    </div>
  );
}
