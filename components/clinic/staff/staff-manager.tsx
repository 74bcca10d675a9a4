"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { type Column, DataTable } from "@/components/ui/data-table";
import { Input, Label } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { STAFF_ROLE_LABELS, STAFF_ROLES } from "@/lib/validations/staff";
import { AddStaffMemberDialog } from "./add-staff-member-dialog";
import { ChangeRoleDialog } from "./change-role-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { mayManage, mayResetPassword, type StaffRow, type StaffViewer } from "./staff-rules";
import { StaffStatusDialog } from "./staff-status-dialog";

/** Lower case without accents, so "zoe" finds Zoë. */
const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

type OpenDialog = { kind: "add" } | { kind: "role" | "status" | "password"; row: StaffRow } | null;

function StaffStatusBadge({ row }: { row: StaffRow }) {
  if (!row.active) return <Badge tone="danger">Deactivated</Badge>;
  if (row.mustChangePassword) return <Badge tone="warning">Temporary password</Badge>;
  return <Badge tone="success">Active</Badge>;
}

/** The clinic's staff list, with adding, role changes and (de)activation for those who may. */
export function StaffManager({
  rows,
  timezone,
  viewer,
}: {
  rows: StaffRow[];
  timezone: string;
  viewer: StaffViewer;
}) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [query, setQuery] = useState("");
  const close = () => setDialog(null);
  const words = folded(query).split(/\s+/).filter(Boolean);
  const shown = rows.filter((row) =>
    words.every((word) => folded(`${row.name} ${row.email}`).includes(word)),
  );
  const columns: Column<StaffRow>[] = [
    {
      key: "name",
      header: "Name",
      sortValue: (row) => row.name,
      cell: (row) => (
        <span className="font-medium whitespace-nowrap text-slate-900">
          {row.name}
          {row.id === viewer.id ? <span className="font-normal text-slate-500"> (you)</span> : null}
        </span>
      ),
    },
    { key: "email", header: "Email", sortValue: (row) => row.email, cell: (row) => row.email },
    {
      key: "role",
      header: "Role",
      sortValue: (row) => STAFF_ROLES.indexOf(row.role),
      cell: (row) => (
        <Badge tone={row.role === "OWNER" ? "brand" : "neutral"}>{STAFF_ROLE_LABELS[row.role]}</Badge>
      ),
    },
    {
      key: "status",
      header: "Status",
      sortValue: (row) => (row.active ? (row.mustChangePassword ? 1 : 0) : 2),
      cell: (row) => <StaffStatusBadge row={row} />,
    },
    {
      key: "last-sign-in",
      header: "Last sign-in",
      sortValue: (row) => row.lastSignInAt,
      cell: (row) => <span className="whitespace-nowrap">{row.lastSignIn ?? "Never"}</span>,
    },
    {
      key: "actions",
      header: "Actions",
      cell: (row) =>
        mayManage(viewer, row) ? (
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              variant="secondary"
              aria-label={`Change role of ${row.name}`}
              onClick={() => setDialog({ kind: "role", row })}
            >
              Change role
            </Button>
            <Button
              size="sm"
              variant={row.active ? "ghost" : "secondary"}
              aria-label={`${row.active ? "Deactivate" : "Reactivate"} ${row.name}`}
              onClick={() => setDialog({ kind: "status", row })}
            >
              {row.active ? "Deactivate" : "Reactivate"}
            </Button>
            {mayResetPassword(viewer, row) ? (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Reset password of ${row.name}`}
                onClick={() => setDialog({ kind: "password", row })}
              >
                Reset password
              </Button>
            ) : null}
          </div>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="Staff"
        description={`${rows.length} ${rows.length === 1 ? "person" : "people"}; sign-in times in ${timezone}.`}
        actions={
          viewer.canManage ? (
            <Button onClick={() => setDialog({ kind: "add" })}>Add staff member</Button>
          ) : null
        }
      />
      {rows.length > 10 ? (
        <div className="flex max-w-md flex-col gap-1.5">
          <Label htmlFor="staff-filter">Find a staff member</Label>
          <Input
            id="staff-filter"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            maxLength={100}
            placeholder="Name or email"
          />
        </div>
      ) : null}
      <DataTable
        key={query}
        rows={shown}
        columns={columns}
        rowKey={(row) => row.id}
        caption="Staff members"
        empty={rows.length === 0 ? "Nobody works here yet." : `Nobody here matches "${query.trim()}".`}
      />
      {viewer.canManage ? (
        <AddStaffMemberDialog open={dialog?.kind === "add"} onClose={close} viewer={viewer} />
      ) : null}
      {dialog?.kind === "role" ? (
        <ChangeRoleDialog key={dialog.row.id} row={dialog.row} viewer={viewer} onClose={close} />
      ) : null}
      {dialog?.kind === "password" ? (
        <ResetPasswordDialog key={dialog.row.id} row={dialog.row} timezone={timezone} onClose={close} />
      ) : null}
      {dialog?.kind === "status" ? (
        <StaffStatusDialog key={dialog.row.id} row={dialog.row} onClose={close} />
      ) : null}
    </>
  );
}
