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

type AppointmentInvoices = {
  /** Issued and not voided by a credit note: billing's to void, never the front desk's to remove. */
  issued: { number: string | null } | undefined;
  drafts: { id: string; patientId: string }[];
  /** Money was applied to one of the drafts (normally taking it issues it, so this is rare). */
  paid: boolean;
};

async function findAppointmentInvoices(tx: Tx, appointmentId: string): Promise<AppointmentInvoices> {
  // Locked as taking a payment locks them: a cashier paying the draft and this move take turns.
  await tx.$queryRaw`SELECT 1 FROM "invoices" WHERE "appointment_id" = ${appointmentId}::uuid FOR UPDATE`;
  const invoices = await tx.invoice.findMany({
    where: { appointmentId, kind: "INVOICE" },
    select: { id: true, status: true, number: true, patientId: true, creditNote: { select: { id: true } } },
  });
  const drafts = invoices.filter((invoice) => invoice.status === "DRAFT");
  const paid =
    drafts.length > 0 &&
    (await tx.paymentAllocation.count({ where: { invoiceId: { in: drafts.map((d) => d.id) } } })) > 0;
  return {
    issued: invoices.find((invoice) => invoice.status === "ISSUED" && !invoice.creditNote),
    drafts,
    paid,
  };
}

async function removeDrafts(
  tx: Tx,
  actor: Actor,
  appointmentId: string,
  drafts: AppointmentInvoices["drafts"],
) {
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

/**
 * Undoing a check-in or a no-show takes its draft away with it (same transaction). Once the
 * appointment's invoice is issued or money was applied to it, the move is refused: what happened
 * stands until billing voids the invoice.
 */
export async function deleteAppointmentDraft(
  tx: Tx,
  options: { actor: Actor; appointmentId: string; undoing: "check-in" | "no-show" },
): Promise<void> {
  const { actor, appointmentId, undoing } = options;
  const { issued, drafts, paid } = await findAppointmentInvoices(tx, appointmentId);
  if (issued)
    throw new AppError(
      "CONFLICT",
      `This visit's invoice ${issued.number} is already issued, so the ${undoing} stands. Ask billing to void it with a credit note first if it was marked by mistake.`,
    );
  if (paid)
    throw new AppError(
      "CONFLICT",
      `Money was already taken for this visit, so the ${undoing} stands. Ask billing to sort out the payment first.`,
    );
  await removeDrafts(tx, actor, appointmentId, drafts);
}

/**
 * Cancelling a checked-in appointment removes its untouched draft (same transaction). An issued
 * invoice, or a draft money was applied to, stays: the cancellation goes ahead, and the returned
 * words tell the receptionist billing has it (null when nothing stays).
 */
export async function releaseAppointmentDraft(
  tx: Tx,
  options: { actor: Actor; appointmentId: string },
): Promise<string | null> {
  const { actor, appointmentId } = options;
  const { issued, drafts, paid } = await findAppointmentInvoices(tx, appointmentId);
  if (paid)
    return "The draft invoice stays: money was already taken for it, so billing sorts out the payment.";
  await removeDrafts(tx, actor, appointmentId, drafts);
  if (issued) return `The invoice ${issued.number} stays: billing voids it with a credit note if needed.`;
  return null;
}
