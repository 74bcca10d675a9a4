"use client";

import { removeCoAdminAction } from "@/lib/actions/admin/remove-co-admin";
import type { CoAdminRow } from "@/lib/admin/co-admins";
import { Button } from "../ui/button";
import { type Column, DataTable } from "../ui/data-table";
import { useActionCall } from "../ui/use-action-call";

function RemoveButton({ clinicId, coAdmin }: { clinicId: string; coAdmin: CoAdminRow }) {
  const remove = useActionCall(removeCoAdminAction, {
    success: () => `${coAdmin.email} is no longer a co-admin.`,
  });
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={remove.pending}
      aria-label={`Remove ${coAdmin.email}`}
      onClick={() => remove.call({ clinicId, userId: coAdmin.userId })}
    >
      {remove.pending ? "Removing…" : "Remove"}
    </Button>
  );
}

export function CoAdminTable({ clinicId, coAdmins }: { clinicId: string; coAdmins: CoAdminRow[] }) {
  const columns: Column<CoAdminRow>[] = [
    { key: "name", header: "Name", sortValue: (row) => row.name, cell: (row) => row.name },
    { key: "email", header: "Email", sortValue: (row) => row.email, cell: (row) => row.email },
    {
      key: "added",
      header: "Added",
      sortValue: (row) => row.addedAt,
      cell: (row) => <time dateTime={row.addedAt}>{row.addedAt.slice(0, 10)}</time>,
    },
    {
      key: "actions",
      header: "Actions",
      cell: (row) => <RemoveButton clinicId={clinicId} coAdmin={row} />,
    },
  ];
  return (
    <DataTable
      caption="Co-admins"
      rows={coAdmins}
      columns={columns}
      rowKey={(row) => row.userId}
      empty="No co-admins yet. Add a clinic admin by the email they sign in with."
    />
  );
}
