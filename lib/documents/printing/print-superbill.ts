import type { Actor } from "@/lib/auth/actor";
import { findSuperbill } from "@/lib/billing/reports/superbill";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { localDateOf } from "@/lib/clinic/time";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { renderSuperbillPdf } from "../pdf/superbill-pdf";
import type { PrintedFile } from "../prints";

/** A visit's superbill as a PDF for the patient to claim from their insurer; each print is audited. */
export async function printSuperbill(options: {
  db: TenantDb;
  actor: Actor;
  visitId: string;
}): Promise<PrintedFile> {
  const { db, actor, visitId } = options;
  const [superbill, settings, visit] = await Promise.all([
    findSuperbill({ db, visitId }),
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
    db.visit.findUnique({ where: { id: visitId }, select: { patientId: true } }),
  ]);
  return db.$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actor,
      action: "superbill.printed",
      targetType: "visit",
      targetId: visitId,
      details: { visitId, patientId: visit?.patientId ?? null },
    });
    return {
      fileName: `superbill-${localDateOf(superbill.visitDate, settings.timezone)}.pdf`,
      bytes: await renderSuperbillPdf({
        superbill,
        clinicName: settings.name,
        clock: { timezone: settings.timezone, dateOrder: settings.dateOrder, hour12: settings.hour12 },
        paperSize: settings.paperSize === "LETTER" ? "LETTER" : "A4",
        printedAt: new Date(),
      }),
    };
  });
}
