import type { Actor } from "@/lib/auth/actor";
import { localDateOf } from "@/lib/clinic/time";
import { findVisitSummary } from "@/lib/clinical/visit-summary";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { renderVisitSummaryPdf } from "../pdf/visit-summary-pdf";
import { type PrintedFile, printDocument } from "../prints";

/** A visit's summary for the patient, made now on the clinic's current paper size; a reprint is marked COPY. */
export async function printVisitSummary(options: {
  db: TenantDb;
  actor: Actor;
  visitId: string;
}): Promise<PrintedFile> {
  const { db, actor, visitId } = options;
  const at = new Date();
  const summary = await findVisitSummary({ db, visitId, at });
  const day = localDateOf(summary.startedAt, summary.heading.clinic.timezone);
  return printDocument({
    db,
    actor,
    kind: "VISIT_SUMMARY",
    subjectId: visitId,
    prepare: async (tx) => {
      const settings = await tx.clinicSetting.findUniqueOrThrow({
        where: { id: 1 },
        select: { paperSize: true },
      });
      return {
        patientId: summary.patientId,
        paperSize: settings.paperSize === "LETTER" ? ("LETTER" as const) : ("A4" as const),
      };
    },
    render: async (prepared, print, clock) => ({
      fileName: `visit-summary-${day}.pdf`,
      bytes: await renderVisitSummaryPdf({
        summary,
        paperSize: prepared.paperSize,
        printedAt: print.printedAt,
        copy: print.copy ? { by: print.printedBy } : null,
        hour12: clock.hour12,
      }),
    }),
  });
}
