"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { CoAdminRow } from "@/lib/admin/co-admins";
import { Button } from "../ui/button";
import { type Column, DataTable } from "../ui/data-table";
import { useToast } from "../ui/toast";
import type { ServerAction } from "./server-action";

function RemoveButton({
  clinicId,
  coAdmin,
  remove,
}: {
  clinicId: string;
  coAdmin: CoAdminRow;
  remove: ServerAction<unknown>;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={pending}
      aria-label={`Remove ${coAdmin.email}`}
      onClick={() =>
        startTransition(async () => {
          const result = await remove({ clinicId, userId: coAdmin.userId });
          toast(
            result.ok ? `${coAdmin.email} is no longer a co-admin.` : result.error.message,
            result.ok ? "success" : "error",
          );
          router.refresh();
        })
      }
    >
      {pending ? "Removing…" : "Remove"}
    </Button>
  );
}

export function CoAdminTable({
  clinicId,
  coAdmins,
  remove,
}: {
  clinicId: string;
  coAdmins: CoAdminRow[];
  remove: ServerAction<unknown>;
}) {
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
      cell: (row) => <RemoveButton clinicId={clinicId} coAdmin={row} remove={remove} />,
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
