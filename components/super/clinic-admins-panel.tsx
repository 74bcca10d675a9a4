"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { type Column, DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ServerAction } from "./action-types";
import { ConfirmDialog } from "./confirm-dialog";
import { CreateClinicAdminForm, type CreatedClinicAdmin } from "./create-clinic-admin-form";
import { formatDateTime } from "./format";
import { StatusBadge } from "./status-badge";
import { TemporaryPassword } from "./temporary-password";

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

export type ClinicAdminActions = {
  create: ServerAction<CreatedClinicAdmin>;
  disable: ServerAction<void>;
  enable: ServerAction<void>;
  resetPassword: ServerAction<{ email: string; temporaryPassword: string }>;
};

type Pending = { kind: "disable" | "enable" | "reset"; admin: ClinicAdminRow };

export function ClinicAdminsPanel({
  admins,
  actions,
}: {
  admins: ClinicAdminRow[];
  actions: ClinicAdminActions;
}) {
  const router = useRouter();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<{ email: string; password: string } | null>(null);
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const closeCreate = () => {
    setCreating(false);
    setRevealed(null);
    router.refresh();
  };

  const confirm = () =>
    startTransition(async () => {
      if (!confirming) return;
      const input = { userId: confirming.admin.id };
      if (confirming.kind === "reset") {
        const result = await actions.resetPassword(input);
        if (!result.ok) return setError(result.error.message);
        setConfirming(null);
        setRevealed({ email: result.data.email, password: result.data.temporaryPassword });
        return;
      }
      const result = await (confirming.kind === "disable" ? actions.disable : actions.enable)(input);
      if (!result.ok) return setError(result.error.message);
      toast(`${confirming.admin.email} is ${confirming.kind === "disable" ? "disabled" : "enabled"}.`);
      setConfirming(null);
      router.refresh();
    });

  const ask = (kind: Pending["kind"], admin: ClinicAdminRow) => {
    setError(null);
    setConfirming({ kind, admin });
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
      cell: (admin) => (
        <span className="flex gap-1">
          {admin.status === "ACTIVE" ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => ask("disable", admin)}
              aria-label={`Disable ${admin.email}`}
            >
              Disable
            </Button>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => ask("enable", admin)}
              aria-label={`Enable ${admin.email}`}
            >
              Enable
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => ask("reset", admin)}
            aria-label={`Reset the password of ${admin.email}`}
          >
            Reset password
          </Button>
        </span>
      ),
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
            <TemporaryPassword email={revealed.email} password={revealed.password} />
            <div className="flex justify-end">
              <Button onClick={closeCreate}>Done</Button>
            </div>
          </>
        ) : (
          <CreateClinicAdminForm
            action={actions.create}
            onCancel={closeCreate}
            onCreated={(created) => {
              setCreating(false);
              setRevealed({ email: created.email, password: created.temporaryPassword });
            }}
          />
        )}
      </Dialog>

      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming?.kind === "disable"
            ? "Disable this clinic admin?"
            : confirming?.kind === "enable"
              ? "Enable this clinic admin?"
              : "Reset this clinic admin's password?"
        }
        confirmLabel={
          confirming?.kind === "disable"
            ? "Disable"
            : confirming?.kind === "enable"
              ? "Enable"
              : "Reset password"
        }
        danger={confirming?.kind !== "enable"}
        pending={pending}
        error={error}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      >
        <p>
          <strong>{confirming?.admin.email}</strong>
        </p>
        {confirming?.kind === "disable" ? (
          <p>
            They are signed out everywhere at once and cannot sign in until enabled. Their clinics keep
            working.
          </p>
        ) : confirming?.kind === "enable" ? (
          <p>They can sign in again with their current password.</p>
        ) : (
          <p>
            Their current password stops working and they are signed out everywhere. You get a new temporary
            password to give them; they must change it at first sign-in.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
