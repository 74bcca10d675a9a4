import type { Actor } from "@/lib/auth/actor";
import { findStatement } from "@/lib/billing/reports/statement";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { renderStatementPdf } from "../pdf/statement-pdf";
import { type PrintedFile, printDocument } from "../prints";

/**
 * A patient's statement for a period as a PDF on the clinic's paper, in the document print log
 * (its subject the patient). Never marked COPY: each print is drawn afresh, balances as of now.
 */
export async function printStatement(options: {
  db: TenantDb;
  actor: Actor;
  patientId: string;
  from: string;
  to: string;
}): Promise<PrintedFile> {
  const { db, actor, patientId, from, to } = options;
  const statement = await findStatement({ db, patientId, from, to });
  return printDocument({
    db,
    actor,
    kind: "STATEMENT",
    subjectId: patientId,
    alwaysOriginal: true,
    prepare: async (tx) => {
      const [settings, location] = await Promise.all([
        tx.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
        tx.location.findFirst({ where: { active: true }, orderBy: [{ isMain: "desc" }, { name: "asc" }] }),
      ]);
      return { patientId, details: { from, to }, settings, location };
    },
    render: async ({ settings, location }, print, clock) => ({
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
        clock: { timezone: settings.timezone, dateOrder: settings.dateOrder, hour12: clock.hour12 },
        paperSize: settings.paperSize === "LETTER" ? "LETTER" : "A4",
        printedAt: print.printedAt,
      }),
    }),
  });
}
