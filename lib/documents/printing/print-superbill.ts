import type { Actor } from "@/lib/auth/actor";
import { findSuperbill, VISIT_NOT_FOUND } from "@/lib/billing/reports/superbill";
import { localDateOf } from "@/lib/clinic/time";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { renderSuperbillPdf } from "../pdf/superbill-pdf";
import { type PrintedFile, printDocument } from "../prints";

/** A visit's superbill as a PDF for the patient to claim from their insurer; a reprint is marked COPY. */
export async function printSuperbill(options: {
  db: TenantDb;
  actor: Actor;
  visitId: string;
}): Promise<PrintedFile> {
  const { db, actor, visitId } = options;
  const superbill = await findSuperbill({ db, visitId });
  return printDocument({
    db,
    actor,
    kind: "SUPERBILL",
    subjectId: visitId,
    prepare: async (tx) => {
      const [settings, visit] = await Promise.all([
        tx.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
        tx.visit.findUnique({ where: { id: visitId }, select: { patientId: true } }),
      ]);
      if (!visit) throw new AppError("NOT_FOUND", VISIT_NOT_FOUND);
      return { patientId: visit.patientId, settings };
    },
    render: async ({ settings }, print, clock) => ({
      fileName: `superbill-${localDateOf(superbill.visitDate, settings.timezone)}.pdf`,
      bytes: await renderSuperbillPdf({
        superbill,
        clinicName: settings.name,
        clock: { timezone: settings.timezone, dateOrder: settings.dateOrder, hour12: clock.hour12 },
        paperSize: settings.paperSize === "LETTER" ? "LETTER" : "A4",
        printedAt: print.printedAt,
        copy: print.copy ? { by: print.printedBy } : null,
      }),
    }),
  });
}
