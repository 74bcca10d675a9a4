import type { Actor } from "@/lib/auth/actor";
import { findStatement } from "@/lib/billing/reports/statement";
import { recordAuditEvent } from "@/lib/clinic/audit";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { renderStatementPdf } from "../pdf/statement-pdf";
import type { PrintedFile } from "../prints";

/** A patient's statement for a period as a PDF on the clinic's paper; each print is audited. */
export async function printStatement(options: {
  db: TenantDb;
  actor: Actor;
  patientId: string;
  from: string;
  to: string;
}): Promise<PrintedFile> {
  const { db, actor, patientId, from, to } = options;
  const [statement, settings, location] = await Promise.all([
    findStatement({ db, patientId, from, to }),
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
    db.location.findFirst({ where: { active: true }, orderBy: [{ isMain: "desc" }, { name: "asc" }] }),
  ]);
  return db.$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actor,
      action: "statement.printed",
      targetType: "patient",
      targetId: patientId,
      details: { patientId, from, to },
    });
    const printedAt = new Date();
    return {
      fileName: `statement-${from}-to-${to}.pdf`,
      bytes: await renderStatementPdf({
        statement,
        clinic: {
          name: settings.name,
          legalName: settings.legalName ?? settings.name,
          legalAddress: settings.legalAddress,
          taxId: settings.taxId,
        },
        location: location ?? {
          name: settings.name,
          address: settings.legalAddress,
          phone: settings.contactPhone,
        },
        clock: { timezone: settings.timezone, dateOrder: settings.dateOrder, hour12: settings.hour12 },
        paperSize: settings.paperSize === "LETTER" ? "LETTER" : "A4",
        printedAt,
      }),
    };
  });
}
