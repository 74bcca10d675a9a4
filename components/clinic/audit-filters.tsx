"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { listHref } from "@/components/ui/list-href";
import { SelectField } from "@/components/ui/select";
import { AUDIT_KINDS, type ClinicAuditFilter } from "@/lib/validations/audit";

/** The audit log's filters, kept in its URL: who did it, what kind of event, which patient. */
export function AuditFilters({
  filter,
  people,
  patientName,
}: {
  filter: ClinicAuditFilter;
  people: { id: string; name: string }[];
  patientName: string | null;
}) {
  const router = useRouter();
  const go = (patch: Partial<ClinicAuditFilter>) => router.push(listHref("/audit", { ...filter, ...patch }));
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-4 sm:grid-cols-2 lg:max-w-2xl">
        <SelectField
          label="Who"
          value={filter.person ?? ""}
          onChange={(event) => go({ person: event.target.value || undefined })}
          options={[{ value: "", label: "Everyone" }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SelectField
          label="What"
          value={filter.kind ?? ""}
          onChange={(event) => go({ kind: (event.target.value || undefined) as ClinicAuditFilter["kind"] })}
          options={[
            { value: "", label: "Everything" },
            ...Object.entries(AUDIT_KINDS).map(([value, kind]) => ({ value, label: kind.label })),
          ]}
        />
      </div>
      {filter.patient ? (
        <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-700">
          <span>
            Only events about <strong>{patientName ?? "a patient no longer on record"}</strong>: their record
            and appointments.
          </span>
          <Link
            href={listHref("/audit", { ...filter, patient: undefined })}
            className="text-brand-700 underline"
          >
            Show every patient
          </Link>
        </p>
      ) : null}
      {filter.person || filter.kind || filter.patient ? (
        <Link href="/audit" className="self-start text-sm text-brand-700 underline">
          Clear the filters
        </Link>
      ) : null}
    </div>
  );
}
