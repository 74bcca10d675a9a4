"use server";

import { defineClinicAction } from "@/lib/action-pipeline/define-clinic-action";
import { ISSUED_INVOICE_MESSAGE } from "@/lib/billing/invoices/draft-lock";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { conflictWhenLocked } from "@/lib/db/locked-record";
import { issueInvoiceSchema } from "@/lib/validations/invoices";

// Issues queue on the year's counter row: a busy desk waits its turn rather than failing.
const ISSUE_TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

/** Issues a draft: its gapless INV number and snapshot; from then on it is voided, never edited. */
export const issueInvoiceAction = defineClinicAction({
  schema: issueInvoiceSchema,
  permission: "invoices.manage",
  handler: ({ input, db, actor }) =>
    conflictWhenLocked(ISSUED_INVOICE_MESSAGE, () =>
      db.$transaction((tx) => issueInvoice(tx, { actor, invoiceId: input.invoiceId }), ISSUE_TRANSACTION),
    ),
});
