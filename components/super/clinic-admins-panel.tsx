"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { type Column, DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { StatusBadge } from "@/components/ui/status-badge";
import { TemporaryPassword } from "@/components/ui/temporary-password";
import { ClinicAdminStatusDialog, ResetPasswordDialog } from "./clinic-admin-dialogs";
import { CreateClinicAdminForm } from "./create-clinic-admin-form";
import { formatDateTime } from "./format";

export type ClinicAdminRow = {
  id: string;
  name: string;
  email: string;
  status: "ACTIVE" | "DISABLED";
  clinicsOwned: number;
  lastLoginAt: string | null;
  locked: boolean;
  mustChangePassword: boolean;
};

type Confirming = { kind: "status" | "reset"; admin: ClinicAdminRow };

export function ClinicAdminsPanel({ admins }: { admins: ClinicAdminRow[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<{ email: string; password: string } | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);

  const closeCreate = () => {
    setCreating(false);
    setRevealed(null);
    router.refresh();
  };

  const columns: Column<ClinicAdminRow>[] = [
    { key: "name", header: "Name", cell: (admin) => admin.name, sortValue: (admin) => admin.name },
    { key: "email", header: "Email", cell: (admin) => admin.email, sortValue: (admin) => admin.email },
    {
      key: "status",
      header: "Status",
      sortValue: (admin) => admin.status,
      cell: (admin) => (
        <span className="flex flex-wrap gap-1">
          <StatusBadge status={admin.status} />
          {admin.locked ? <Badge tone="danger">Locked</Badge> : null}
          {admin.mustChangePassword ? <Badge>Temporary password</Badge> : null}
        </span>
      ),
    },
    {
      key: "clinics",
      header: "Clinics owned",
      cell: (admin) => admin.clinicsOwned,
      sortValue: (admin) => admin.clinicsOwned,
    },
    {
      key: "lastLogin",
      header: "Last sign-in",
      cell: (admin) => (admin.lastLoginAt ? formatDateTime(admin.lastLoginAt) : "Never"),
      sortValue: (admin) => admin.lastLoginAt,
    },
    {
      key: "actions",
      header: "Actions",
      cell: (admin) => {
        const verb = admin.status === "ACTIVE" ? "Disable" : "Enable";
        return (
          <span className="flex gap-1">
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setConfirming({ kind: "status", admin })}
              aria-label={`${verb} ${admin.email}`}
            >
              {verb}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setConfirming({ kind: "reset", admin })}
              aria-label={`Reset the password of ${admin.email}`}
            >
              Reset password
            </Button>
          </span>
        );
      },
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <Button onClick={() => setCreating(true)}>New clinic admin</Button>
      </div>
      <DataTable
        caption="Clinic admins"
        rows={admins}
        columns={columns}
        rowKey={(admin) => admin.id}
        empty="No clinic admins yet. Create one with “New clinic admin”; they can then open their own clinics."
      />

      <Dialog
        open={creating || revealed !== null}
        onClose={closeCreate}
        title={revealed ? "Temporary password" : "New clinic admin"}
      >
        {revealed ? (
          <>
            <TemporaryPassword password={revealed.password}>
              Give this temporary password to <strong>{revealed.email}</strong> over a channel you trust. It
              is shown only now; they must choose their own at first sign-in.
            </TemporaryPassword>
            <div className="flex justify-end">
              <Button onClick={closeCreate}>Done</Button>
            </div>
          </>
        ) : (
          <CreateClinicAdminForm
            onCancel={closeCreate}
            onCreated={(created) => {
              setCreating(false);
              setRevealed({ email: created.email, password: created.temporaryPassword });
            }}
          />
        )}
      </Dialog>

      {confirming?.kind === "status" ? (
        <ClinicAdminStatusDialog
          key={confirming.admin.id}
          admin={confirming.admin}
          onClose={() => setConfirming(null)}
        />
      ) : null}
      {confirming?.kind === "reset" ? (
        <ResetPasswordDialog
          key={confirming.admin.id}
          admin={confirming.admin}
          onClose={() => setConfirming(null)}
          onReset={(reset) => {
            setConfirming(null);
            setRevealed({ email: reset.email, password: reset.temporaryPassword });
          }}
        />
      ) : null}
    </div>
  );
}
