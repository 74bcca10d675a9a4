import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { paperHeadingSchema } from "../paper-heading";
import { renderPrescriptionPdf } from "../pdf/prescription-pdf";
import { type PrintedFile, printDocument } from "../prints";
import { PRESCRIPTION_NOT_FOUND, whyNotPrintable } from "./prescription-printable";

/**
 * A signed prescription as a PDF, with its heading as fixed at signing; a reprint is marked COPY.
 * Its row and lines are share-locked while printing, so a cancel or stop waits for the print.
 */
export function printPrescription(options: {
  db: TenantDb;
  actor: Actor;
  prescriptionId: string;
}): Promise<PrintedFile> {
  const { db, actor, prescriptionId } = options;
  return printDocument({
    db,
    actor,
    kind: "PRESCRIPTION",
    subjectId: prescriptionId,
    prepare: async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM prescriptions WHERE id = ${prescriptionId}::uuid FOR SHARE`;
      await tx.$executeRaw`SELECT 1 FROM prescription_lines WHERE prescription_id = ${prescriptionId}::uuid FOR SHARE`;
      const prescription = await tx.prescription.findUnique({
        where: { id: prescriptionId },
        include: { lines: { orderBy: { position: "asc" } } },
      });
      if (!prescription) throw new AppError("NOT_FOUND", PRESCRIPTION_NOT_FOUND);
      const refusal = whyNotPrintable(prescription);
      if (refusal) throw new AppError("CONFLICT", `This prescription cannot be printed. ${refusal}`);
      const heading = paperHeadingSchema.safeParse(prescription.heading);
      if (!heading.success || !prescription.number || !prescription.signedAt)
        throw new AppError(
          "CONFLICT",
          "This prescription's paper details could not be read. Ask the prescriber to check it.",
        );
      return {
        patientId: prescription.patientId,
        number: prescription.number,
        signedAt: prescription.signedAt,
        heading: heading.data,
        lines: prescription.lines,
      };
    },
    render: async (prepared, print, clock) => ({
      fileName: `${prepared.number}.pdf`,
      bytes: await renderPrescriptionPdf({
        heading: prepared.heading,
        number: prepared.number,
        signedAt: prepared.signedAt,
        lines: prepared.lines,
        printedAt: print.printedAt,
        copy: print.copy ? { by: print.printedBy } : null,
        hour12: clock.hour12,
      }),
    }),
  });
}
