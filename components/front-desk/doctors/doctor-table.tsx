"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { DoctorListItem } from "@/lib/clinic/doctors";
import { ColorSwatch } from "./color-swatch";

const columns: Column<DoctorListItem>[] = [
  {
    key: "name",
    header: "Doctor",
    sortValue: (doctor) => doctor.name,
    cell: (doctor) => (
      <span className="flex flex-wrap items-center gap-2">
        {doctor.profile ? <ColorSwatch color={doctor.profile.calendarColor} /> : null}
        <Link
          href={`/doctors/${doctor.id}`}
          className="font-medium text-brand-800 underline-offset-4 hover:underline"
        >
          {doctor.name}
        </Link>
        {doctor.active ? null : <Badge>Deactivated</Badge>}
        {doctor.profile ? null : <Badge tone="warning">No profile yet</Badge>}
      </span>
    ),
  },
  {
    key: "specialty",
    header: "Specialty",
    sortValue: (doctor) => doctor.profile?.specialty ?? null,
    cell: (doctor) => doctor.profile?.specialty ?? "",
  },
  {
    key: "licence",
    header: "Licence number",
    cell: (doctor) => doctor.profile?.licenceNumber ?? "",
  },
  {
    key: "slot",
    header: "Slot",
    sortValue: (doctor) => doctor.profile?.defaultSlotMinutes ?? null,
    cell: (doctor) => (doctor.profile ? `${doctor.profile.defaultSlotMinutes} min` : ""),
  },
  {
    key: "locations",
    header: "Works at",
    cell: (doctor) => (doctor.locations.length > 0 ? doctor.locations.join(", ") : "No working hours yet"),
  },
];

/** The clinic's doctors: everyone with the doctor role, with their profile and where they work. */
export function DoctorTable({ doctors, canManage }: { doctors: DoctorListItem[]; canManage: boolean }) {
  return (
    <DataTable
      rows={doctors}
      columns={columns}
      rowKey={(doctor) => doctor.id}
      caption="Doctors"
      empty={
        canManage
          ? "No one has the doctor role yet. Add a staff member with the Doctor role on the Staff page, then set up their profile here."
          : "No doctors yet."
      }
    />
  );
}
