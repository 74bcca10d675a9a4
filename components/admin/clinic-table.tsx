"use client";

import type { AdminClinicRow } from "@/lib/admin/find-admin-clinics";
import { clinicOrigin } from "@/lib/config/root-domain";
import { Badge } from "../ui/badge";
import { ButtonLink } from "../ui/button";
import { type Column, DataTable } from "../ui/data-table";
import { ClinicRowActions } from "./clinic-row-actions";
import { ClinicStatusBadge } from "./clinic-status-badge";

/** "My clinics": every clinic the admin owns or co-admins, with what they can do to each. */
export function ClinicTable({
  clinics,
  rootDomain,
  reservationDays,
  backupsAllowed = false,
}: {
  clinics: AdminClinicRow[];
  rootDomain: string;
  reservationDays: number;
  backupsAllowed?: boolean;
}) {
  const columns: Column<AdminClinicRow>[] = [
    {
      key: "name",
      header: "Name",
      sortValue: (clinic) => clinic.name.toLowerCase(),
      cell: (clinic) => (
        <span className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
          {clinic.name}
          {clinic.role === "co-admin" ? <Badge>co-admin</Badge> : null}
        </span>
      ),
    },
    {
      key: "address",
      header: "Address",
      sortValue: (clinic) => clinic.subdomain,
      cell: (clinic) => {
        const origin = clinicOrigin(clinic.subdomain, rootDomain);
        return (
          <a href={origin} className="whitespace-nowrap text-brand-800 underline-offset-2 hover:underline">
            {origin}
          </a>
        );
      },
    },
    {
      key: "status",
      header: "Status",
      sortValue: (clinic) => clinic.status,
      cell: (clinic) => <ClinicStatusBadge clinic={clinic} />,
    },
    {
      key: "created",
      header: "Created",
      sortValue: (clinic) => clinic.createdAt,
      // The ISO date, not a locale format: the server and the browser render the same text.
      cell: (clinic) => <time dateTime={clinic.createdAt}>{clinic.createdAt.slice(0, 10)}</time>,
    },
    {
      key: "schema",
      header: "Schema version",
      sortValue: (clinic) => clinic.schemaVersion,
      cell: (clinic) =>
        clinic.schemaVersion ? (
          <span className="font-mono text-xs">{clinic.schemaVersion}</span>
        ) : (
          <span className="text-slate-500">—</span>
        ),
    },
    {
      key: "actions",
      header: "Actions",
      cell: (clinic) => (
        <ClinicRowActions
          clinic={clinic}
          address={clinicOrigin(clinic.subdomain, rootDomain)}
          reservationDays={reservationDays}
          backupsAllowed={backupsAllowed}
        />
      ),
    },
  ];
  return (
    <DataTable
      caption="My clinics"
      rows={clinics}
      columns={columns}
      rowKey={(clinic) => clinic.id}
      empty={
        <div className="flex flex-col items-start gap-3">
          <p className="font-medium text-slate-900">You have no clinics yet.</p>
          <p>Pick a name and an address; its own database is ready in a few seconds.</p>
          <ButtonLink href="/admin/clinics/new">Create your first clinic</ButtonLink>
        </div>
      }
    />
  );
}
