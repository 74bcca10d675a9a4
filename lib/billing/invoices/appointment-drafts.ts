import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/tenant/client";
import { computeLine } from "../money";

type Tx = Prisma.TransactionClient;

type DraftReason = "check-in" | "no-show";

/**
 * The draft invoice for an appointment, inside the caller's transaction: at check-in from the
 * appointment's type (the clinic's default type when it has none), at a no-show from the clinic's
 * no-show item (no draft when there is none). The item is copied as it is now: a later price
 * change does not move this invoice. Returns the draft's id, or null when nothing is charged.
 */
export async function createAppointmentDraft(
  tx: Tx,
  options: { actor: Actor; appointmentId: string; reason: DraftReason },
): Promise<string | null> {
  const { actor, appointmentId, reason } = options;
  const appointment = await tx.appointment.findUniqueOrThrow({
    where: { id: appointmentId },
    include: { type: { include: { item: true } } },
  });
  const settings = await tx.clinicSetting.findUniqueOrThrow({
    where: { id: 1 },
    include: { noShowItem: true },
  });
  const item =
    reason === "no-show"
      ? settings.noShowItem
      : (appointment.type?.item ??
        (await tx.appointmentType.findFirst({ where: { isDefault: true }, include: { item: true } }))?.item ??
        null);
  if (!item) return null;
  const line = {
    quantity: 1,
    unitPriceMinor: item.priceMinor,
    discountMinor: 0,
    taxTreatment: item.taxTreatment,
    taxRateBp: item.taxRateBp,
    exemptReason: item.exemptReason,
  };
  const amounts = computeLine(line, settings.pricesIncludeTax);
  const invoice = await tx.invoice.create({
    data: {
      patientId: appointment.patientId,
      appointmentId,
      locationId: appointment.locationId,
      doctorId: appointment.doctorId,
      currency: settings.currency,
      pricesIncludeTax: settings.pricesIncludeTax,
      subtotalMinor: amounts.netMinor,
      taxMinor: amounts.taxMinor,
      totalMinor: amounts.totalMinor,
      lines: { create: { position: 1, itemId: item.id, description: item.name, ...line, ...amounts } },
    },
  });
  await recordAuditEvent(tx, {
    actor,
    action: "invoice.drafted",
    targetType: "invoice",
    targetId: invoice.id,
    details: { patientId: appointment.patientId, appointmentId, reason },
  });
  return invoice.id;
}

/**
 * Undoing a check-in takes its draft away with it (same transaction). Once the appointment's
 * invoice is issued or money was applied to it, the check-in stands: the invoice is voided first.
 */
export async function deleteAppointmentDraft(
  tx: Tx,
  options: { actor: Actor; appointmentId: string },
): Promise<void> {
  const { actor, appointmentId } = options;
  const invoices = await tx.invoice.findMany({
    where: { appointmentId, kind: "INVOICE" },
    select: { id: true, status: true, number: true, patientId: true, creditNote: { select: { id: true } } },
  });
  const issued = invoices.find((invoice) => invoice.status === "ISSUED" && !invoice.creditNote);
  if (issued)
    throw new AppError(
      "CONFLICT",
      `This visit's invoice ${issued.number} is already issued, so the check-in stands. Ask billing to void it with a credit note first if the patient was checked in by mistake.`,
    );
  const drafts = invoices.filter((invoice) => invoice.status === "DRAFT");
  if (drafts.length === 0) return;
  const paid = await tx.paymentAllocation.count({ where: { invoiceId: { in: drafts.map((d) => d.id) } } });
  if (paid > 0)
    throw new AppError(
      "CONFLICT",
      "Money was already taken for this visit, so the check-in stands. Ask billing to sort out the payment first.",
    );
  for (const draft of drafts) {
    await tx.invoice.delete({ where: { id: draft.id } });
    await recordAuditEvent(tx, {
      actor,
      action: "invoice.draft-removed",
      targetType: "invoice",
      targetId: draft.id,
      details: { patientId: draft.patientId, appointmentId },
    });
  }
}
