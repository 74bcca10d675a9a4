import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-pipeline/result";
import type { PrintedFile } from "@/lib/documents/prints";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { invoiceRowsOf } from "@/lib/testing/invoice-rows";
import { pdfText } from "@/lib/testing/pdf-text";
import { rowsOf } from "@/lib/testing/sample-rows";
import { takePaymentAction } from "../payments/take-payment";
import { printReceiptAction } from "./print-receipt";
import { printStatementAction } from "./print-statement";
import { printSuperbillAction } from "./print-superbill";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "billing-papers", timezone: "Europe/London" });
  await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { currency: "GBP" } });
}, 120_000);

afterAll(async () => {
  await clinic?.cleanup();
});

function textOf(result: ActionResult<PrintedFile>): string {
  if (!result.ok) throw new Error(result.error.message);
  return pdfText(result.data.bytes);
}

const logOf = async (subjectId: string) => ({
  prints: await clinic.db.documentPrint.findMany({ where: { subjectId }, orderBy: { printedAt: "asc" } }),
  // What printing wrote to the audit log (a payment's own "payment.taken" aside).
  audits: await clinic.db.auditEvent.findMany({
    where: { targetId: subjectId, action: { endsWith: ".printed" } },
    orderBy: { at: "asc" },
  }),
});

/** An issued invoice for a visit, paid by card at the front desk. */
async function paidVisit() {
  const appointment = await rowsOf(clinic.db).appointment({ status: "CHECKED_IN" });
  const visit = await clinic.db.visit.create({
    data: {
      patientId: appointment.patientId,
      doctorId: appointment.doctorId,
      locationId: appointment.locationId,
      appointmentId: appointment.id,
      reason: "Check-up",
    },
  });
  const invoice = await invoiceRowsOf(clinic.db).draft({
    patientId: appointment.patientId,
    appointmentId: appointment.id,
    locationId: appointment.locationId,
    lines: [4500],
  });
  const taken = dataOf(
    await clinic.callAs("RECEPTIONIST", takePaymentAction, {
      invoiceId: invoice.id,
      tenders: [{ method: "CARD", amountMinor: 4500, reference: "Auth 7731" }],
    }),
  );
  return { visit, patientId: appointment.patientId, receipt: taken.receipts[0] };
}

describe("receipts, statements and superbills in the print log", () => {
  it("marks a receipt's second print COPY, logged as document prints and not as receipt.printed", async () => {
    const { receipt, patientId } = await paidVisit();
    const paymentId = receipt?.paymentId ?? "";
    const first = textOf(await clinic.callAs("RECEPTIONIST", printReceiptAction, { paymentId }));
    const second = textOf(await clinic.callAs("BILLING", printReceiptAction, { paymentId }));

    expect(first).toContain(receipt?.receiptNumber ?? "?");
    expect(first).not.toContain("COPY");
    expect(second).toContain("COPY");
    expect(second).toContain(`by ${clinic.members.BILLING.name}`);
    const { prints, audits } = await logOf(paymentId);
    expect(prints).toMatchObject([
      { kind: "RECEIPT", patientId, copy: false },
      { kind: "RECEIPT", patientId, copy: true },
    ]);
    expect(audits.map((event) => [event.action, event.targetType, event.details])).toMatchObject([
      ["document.printed", "payment", { kind: "RECEIPT", number: receipt?.receiptNumber, copy: false }],
      ["document.printed", "payment", { kind: "RECEIPT", number: receipt?.receiptNumber, copy: true }],
    ]);
  });

  it("marks a superbill's second print of the same visit COPY", async () => {
    const { visit, patientId } = await paidVisit();
    const first = textOf(await clinic.callAs("BILLING", printSuperbillAction, { visitId: visit.id }));
    const second = textOf(await clinic.callAs("OWNER", printSuperbillAction, { visitId: visit.id }));

    expect(first).toContain("Superbill");
    expect(first).not.toContain("COPY");
    expect(second).toContain("COPY");
    const { prints, audits } = await logOf(visit.id);
    expect(prints).toMatchObject([
      { kind: "SUPERBILL", patientId, copy: false },
      { kind: "SUPERBILL", patientId, copy: true },
    ]);
    expect(audits.map((event) => event.action)).toEqual(["document.printed", "document.printed"]);
  });

  it("logs every statement with its period and never marks one COPY: each is drawn afresh", async () => {
    const { patientId } = await paidVisit();
    const period = { patientId, from: "2026-01-01", to: "2026-12-31" };
    const first = textOf(await clinic.callAs("BILLING", printStatementAction, period));
    const second = textOf(await clinic.callAs("BILLING", printStatementAction, period));

    expect(first).toContain("Statement");
    expect(second).not.toContain("COPY");
    const { prints, audits } = await logOf(patientId);
    expect(prints).toMatchObject([
      { kind: "STATEMENT", copy: false },
      { kind: "STATEMENT", copy: false },
    ]);
    expect(audits.map((event) => event.details)).toMatchObject([
      { kind: "STATEMENT", patientId, from: "2026-01-01", to: "2026-12-31", copy: false },
      { kind: "STATEMENT", patientId, from: "2026-01-01", to: "2026-12-31", copy: false },
    ]);
  });

  it("prints nothing and logs nothing for a visit or payment that is not there", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await clinic.callAs("BILLING", printSuperbillAction, { visitId: missing })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await clinic.callAs("BILLING", printReceiptAction, { paymentId: missing })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await clinic.db.documentPrint.count({ where: { subjectId: missing } })).toBe(0);
  });
});
