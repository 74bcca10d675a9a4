import type { Metadata } from "next";
import Link from "next/link";
import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { findUnsignedNotes } from "@/lib/clinical/notes";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { NOTE_KIND_LABELS } from "@/lib/validations/notes";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "My unsigned notes" };

/** The signed-in clinician's drafts, oldest first: what is still to be signed. */
export default async function UnsignedNotesPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "nursingNotes.write");
  if (!workspace) return null;
  const { clinic, session, settings } = workspace;
  const notes = await withTenantDb(clinic.subdomain, (db) =>
    findUnsignedNotes({ db, authorId: session.user.id }),
  );
  const at = (instant: Date) => formatClinicDateTime(instant, settings.timezone, { hour12: settings.hour12 });
  return (
    <>
      <PageHeader
        title="My unsigned notes"
        description="Your drafts, oldest first. Open the visit to finish and sign each one; a completed appointment does not stop you."
      />
      {notes.length === 0 ? (
        <EmptyState>Nothing to sign: every note you started is signed.</EmptyState>
      ) : (
        <Table caption="My unsigned notes" stackOnPhone>
          <TableHead>
            <HeaderCell>Patient</HeaderCell>
            <HeaderCell>Note</HeaderCell>
            <HeaderCell>Visit</HeaderCell>
            <HeaderCell>Last saved</HeaderCell>
            <HeaderCell>
              <span className="sr-only">Open</span>
            </HeaderCell>
          </TableHead>
          <TableBody>
            {notes.map((note) => (
              <tr key={note.id}>
                <Cell>
                  <span className="font-medium text-slate-900">
                    {note.patient.firstName} {note.patient.lastName}
                  </span>{" "}
                  <span className="text-slate-600">{note.patient.mrn}</span>
                </Cell>
                <Cell>{NOTE_KIND_LABELS[note.kind]}</Cell>
                <Cell className="whitespace-nowrap">
                  <span className="sm:hidden">Visit </span>
                  {at(note.visitStartedAt)}
                </Cell>
                <Cell className="whitespace-nowrap text-slate-600">
                  <span className="sm:hidden">Last saved </span>
                  {at(note.updatedAt)}
                </Cell>
                <Cell>
                  <Link
                    href={`/visits/${note.visitId}`}
                    className="font-medium text-brand-700 underline"
                    aria-label={`Open the visit of ${note.patient.firstName} ${note.patient.lastName}`}
                  >
                    Open visit
                  </Link>
                </Cell>
              </tr>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
