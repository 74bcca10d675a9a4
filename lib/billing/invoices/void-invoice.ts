import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { localDateOf } from "@/lib/clinic/time";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { takeDocumentNumber } from "../document-numbers";
import { lockInvoice } from "../issue-invoice";
import { INVOICE_NOT_FOUND } from "./draft-lock";

type Tx = Prisma.TransactionClient;

/**
 * Payments applied to the voided invoice go back to the patient's credit: one negative allocation
 * per payment, so each payment's history says where its money went.
 */
async function returnPaymentsToCredit(tx: Tx, actor: Actor, invoiceId: string): Promise<number> {
  const applied = await tx.paymentAllocation.groupBy({
    by: ["paymentId"],
    where: { invoiceId },
    _sum: { amountMinor: true },
  });
  let returnedMinor = 0;
  for (const row of applied) {
    const amountMinor = row._sum.amountMinor ?? 0;
    if (amountMinor <= 0) continue;
    await tx.paymentAllocation.create({
      data: { paymentId: row.paymentId, invoiceId, amountMinor: -amountMinor, appliedById: actor.id },
    });
    returnedMinor += amountMinor;
  }
  return returnedMinor;
}

/**
 * Voids an issued invoice with a credit note that mirrors it (negative lines, its own gapless CRN
 * number for the year in the clinic's time zone, the same snapshot) in one transaction: the
 * invoice itself is never changed. What was paid on it becomes the patient's credit.
 */
export async function voidInvoice(options: {
  db: TenantDb;
  actor: Actor;
  invoiceId: string;
  reason: string;
  now?: Date;
}) {
  const { db, actor, invoiceId, reason } = options;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockInvoice(tx, invoiceId);
    const invoice = await tx.invoice.findUnique({
      where: { id: invoiceId },
      include: { lines: { orderBy: { position: "asc" } }, creditNote: { select: { number: true } } },
    });
    if (invoice?.kind !== "INVOICE") throw new AppError("NOT_FOUND", INVOICE_NOT_FOUND);
    if (invoice.status === "DRAFT")
      throw new AppError("CONFLICT", "A draft is not issued yet: change its lines instead of voiding it.");
    if (invoice.creditNote)
      throw new AppError("CONFLICT", `This invoice is already voided by ${invoice.creditNote.number}.`);
    const { timezone } = await tx.clinicSetting.findUniqueOrThrow({ where: { id: 1 } });
    const number = await takeDocumentNumber(tx, "CRN", Number(localDateOf(now, timezone).slice(0, 4)));
    const note = await tx.invoice.create({
      data: {
        kind: "CREDIT_NOTE",
        creditedInvoiceId: invoiceId,
        patientId: invoice.patientId,
        locationId: invoice.locationId,
        doctorId: invoice.doctorId,
        billTo: invoice.billTo,
        billToName: invoice.billToName,
        billToAddress: invoice.billToAddress,
        billToReference: invoice.billToReference,
        currency: invoice.currency,
        pricesIncludeTax: invoice.pricesIncludeTax,
        note: reason,
        lines: {
          create: invoice.lines.map((line) => ({
            position: line.position,
            itemId: line.itemId,
            description: line.description,
            quantity: line.quantity,
            unitPriceMinor: -line.unitPriceMinor,
            discountMinor: line.discountMinor,
            taxTreatment: line.taxTreatment,
            taxRateBp: line.taxRateBp,
            exemptReason: line.exemptReason,
            netMinor: -line.netMinor,
            taxMinor: -line.taxMinor,
            totalMinor: -line.totalMinor,
          })),
        },
      },
    });
    await tx.invoice.update({
      where: { id: note.id },
      data: {
        status: "ISSUED",
        number,
        issuedAt: now,
        issuedById: actor.id,
        snapshot: invoice.snapshot ?? {},
        subtotalMinor: -invoice.subtotalMinor,
        taxMinor: -invoice.taxMinor,
        totalMinor: -invoice.totalMinor,
      },
    });
    const returnedToCreditMinor = await returnPaymentsToCredit(tx, actor, invoiceId);
    await recordAuditEvent(tx, {
      actor,
      action: "invoice.voided",
      targetType: "invoice",
      targetId: invoiceId,
      details: {
        patientId: invoice.patientId,
        number: invoice.number,
        creditNoteNumber: number,
        returnedToCreditMinor,
        currency: invoice.currency,
      },
    });
    return { creditNoteId: note.id, number, returnedToCreditMinor };
  });
}
