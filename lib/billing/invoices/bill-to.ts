import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { conflictWhenLocked } from "@/lib/db/locked-record";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { ISSUED_INVOICE_MESSAGE, lockDraft } from "./draft-lock";

/** Addresses a draft to the patient or to a third party (name, address, their reference). */
export async function setInvoiceBillTo(options: {
  db: TenantDb;
  actor: Actor;
  invoiceId: string;
  billTo: "PATIENT" | "THIRD_PARTY";
  name: string;
  address: string;
  reference: string;
}) {
  const { db, actor, invoiceId, billTo } = options;
  const thirdParty = billTo === "THIRD_PARTY";
  return conflictWhenLocked(ISSUED_INVOICE_MESSAGE, () =>
    db.$transaction(async (tx) => {
      const invoice = await lockDraft(tx, invoiceId);
      await tx.invoice.update({
        where: { id: invoiceId },
        data: {
          billTo,
          billToName: thirdParty ? options.name : null,
          billToAddress: thirdParty ? options.address || null : null,
          billToReference: options.reference || null,
        },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "invoice.bill-to-changed",
        targetType: "invoice",
        targetId: invoiceId,
        details: { patientId: invoice.patientId, billTo },
      });
      return { id: invoiceId, billTo };
    }),
  );
}
