import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/action-pipeline/result";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { computeLine, type LineInput } from "@/lib/billing/money";
import { DRAFT_NOT_PRINTABLE, INVOICE_NOT_FOUND } from "@/lib/documents/printing/print-invoice";
import type { PrintedFile } from "@/lib/documents/prints";
import { dataOf } from "@/lib/testing/action-result";
import type { TestClinic } from "@/lib/testing/clinic-fixture";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { invoiceRowsOf, testActor } from "@/lib/testing/invoice-rows";
import { pdfPageSizes, pdfText, renderPdfPng } from "@/lib/testing/pdf-text";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { rowsOf } from "@/lib/testing/sample-rows";
import { voidInvoiceAction } from "../invoices/void-invoice";
import { takePaymentAction } from "../payments/take-payment";
import { printInvoiceAction } from "./print-invoice";

let clinic: ClinicFixture;
let other: TestClinic;

const LEGAL = {
  legalName: "Maple Family Clinic Ltd",
  legalAddress: "12 High Street, Oxford OX1 1AA",
  taxId: "GB 123 4567 89",
};

beforeAll(async () => {
  clinic = await createClinicFixture({
    subdomain: "invoice-pdf",
    name: "Maple Family Clinic",
    timezone: "Europe/London",
  });
  other = await clinic.addClinic("invoice-pdf-other");
  await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { currency: "GBP", ...LEGAL } });
}, 120_000);

afterAll(async () => {
  await clinic?.cleanup();
});

const billing = () => clinic.members.BILLING.id;

function fileOf(result: ActionResult<PrintedFile>): PrintedFile {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

type Line = Omit<LineInput, "taxRateBp" | "exemptReason"> & {
  description: string;
  taxRateBp?: number;
  exemptReason?: string;
};

const MIXED: Line[] = [
  {
    description: "Consultation",
    quantity: 1,
    unitPriceMinor: 6000,
    discountMinor: 0,
    taxTreatment: "EXEMPT",
    exemptReason: "Medical care, VAT Directive Art. 132(1)(c)",
  },
  {
    description: "Travel vaccine (yellow fever)",
    quantity: 1,
    unitPriceMinor: 4000,
    discountMinor: 0,
    taxTreatment: "RATED",
    taxRateBp: 2000,
  },
  {
    description: "Copy of medical records",
    quantity: 2,
    unitPriceMinor: 500,
    discountMinor: 100,
    taxTreatment: "ZERO_RATED",
  },
];

/**
 * An invoice for a visit on 2 March 2026, issued on 4 March with the clinic's details as they are
 * then, billed to an insurer (a third party) unless `billTo` says the patient.
 */
async function issuedInvoice(
  options: { lines?: Line[]; billTo?: "PATIENT" | "THIRD_PARTY"; draftOnly?: boolean } = {},
) {
  const rows = rowsOf(clinic.db);
  const doctor = await rows.doctor();
  await clinic.db.doctorProfile.update({
    where: { staffId: doctor.id },
    data: { licenceNumber: "GMC 7654321" },
  });
  const appointment = await rows.appointment({
    doctorId: doctor.id,
    startsAt: new Date("2026-03-02T10:00:00Z"),
  });
  await clinic.db.visit.create({
    data: {
      patientId: appointment.patientId,
      doctorId: doctor.id,
      locationId: appointment.locationId,
      appointmentId: appointment.id,
      reason: "Travel advice",
      startedAt: new Date("2026-03-02T10:05:00Z"),
    },
  });
  await clinic.db.patient.update({
    where: { id: appointment.patientId },
    data: { firstName: "Zoë", lastName: "Ångström", address: "4 Rue de la Paix, Flat 2" },
  });
  const thirdParty = (options.billTo ?? "THIRD_PARTY") === "THIRD_PARTY";
  const invoice = await clinic.db.invoice.create({
    data: {
      patientId: appointment.patientId,
      appointmentId: appointment.id,
      locationId: appointment.locationId,
      doctorId: doctor.id,
      currency: "GBP",
      pricesIncludeTax: false,
      ...(thirdParty
        ? {
            billTo: "THIRD_PARTY" as const,
            billToName: "Northwind Health Insurance",
            billToAddress: "PO Box 42, Leeds LS1 4AP",
            billToReference: "Policy NW-77812",
          }
        : {}),
      lines: {
        create: (options.lines ?? MIXED).map((line, position) => ({
          position,
          description: line.description,
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          discountMinor: line.discountMinor,
          taxTreatment: line.taxTreatment,
          taxRateBp: line.taxRateBp ?? null,
          exemptReason: line.exemptReason ?? null,
          ...computeLine({ taxRateBp: null, exemptReason: null, ...line }, false),
        })),
      },
    },
  });
  if (options.draftOnly) return { ...invoice, number: null };
  const { number } = await clinic.db.$transaction((tx) =>
    issueInvoice(tx, {
      actor: testActor(billing()),
      invoiceId: invoice.id,
      now: new Date("2026-03-04T09:00:00Z"),
    }),
  );
  return { ...invoice, number };
}

const printsOf = (subjectId: string) =>
  clinic.db.documentPrint.findMany({ where: { subjectId }, orderBy: { printedAt: "asc" } });

/** Keeps the rendered pages where the brief's reviewers look (test-results/ is cleaned between runs). */
function keepPng(bytes: Uint8Array, name: string) {
  const dir = renderPdfPng(bytes, name);
  const shots = "/work/notes/shots";
  mkdirSync(shots, { recursive: true });
  for (const file of readdirSync(dir).filter((file) => file.startsWith(`${name}-`)))
    copyFileSync(path.join(dir, file), path.join(shots, file));
}

describe("printing an invoice", () => {
  it("prints what art. 226 asks from the snapshot: a renamed clinic does not rewrite it", async () => {
    const invoice = await issuedInvoice();
    dataOf(
      await clinic.callAs("RECEPTIONIST", takePaymentAction, {
        invoiceId: invoice.id,
        tenders: [{ method: "CASH", amountMinor: 5000 }],
      }),
    );
    await clinic.db.clinicSetting.update({
      where: { id: 1 },
      data: {
        name: "Birch Health",
        legalName: "Birch Holdings plc",
        legalAddress: "1 New Road",
        taxId: "GB 999",
      },
    });

    const file = fileOf(await clinic.callAs("RECEPTIONIST", printInvoiceAction, { invoiceId: invoice.id }));
    const text = pdfText(file.bytes);

    expect(file.fileName).toBe(`${invoice.number}.pdf`);
    expect(invoice.number).toMatch(/^INV-2026-\d{6}$/);
    for (const expected of [
      "Invoice",
      invoice.number,
      "Date of issue 04/03/2026",
      "Date of supply",
      "02/03/2026",
      "Maple Family Clinic Ltd",
      "12 High Street, Oxford OX1 1AA",
      "Tax ID GB 123 4567 89",
      "Northwind Health Insurance",
      "PO Box 42, Leeds LS1 4AP",
      "Reference Policy NW-77812",
      "Zoë Ångström",
      "GMC 7654321",
      "Consultation",
      "Exempt: Medical care, VAT Directive Art. 132(1)(c)",
      "Travel vaccine (yellow fever)",
      "20 %",
      "Copy of medical records",
      "Zero-rated",
      "-£1.00",
      "Tax at 20 %",
      "Zero-rated (0 %)",
      "£8.00",
      "£117.00",
      "Paid so far",
      "£50.00",
      "Balance due",
      "£67.00",
      "Page 1 of 1",
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Tax at 20 %\s+£40\.00\s+£8\.00/);
    expect(text).toMatch(/Zero-rated \(0 %\)\s+£9\.00\s+£0\.00/);
    expect(text).toMatch(/Exempt: Medical care, VAT Directive Art\. 132\(1\)\(c\)\s+£60\.00\s+£0\.00/);
    expect(text).toMatch(/Copy of medical records\s+2\s+£5\.00\s+-£1\.00\s+Zero-rated\s+£9\.00/);
    for (const renamed of ["Birch", "GB 999", "1 New Road"]) expect(text).not.toContain(renamed);
    expect(text).not.toContain("COPY");
    expect(await pdfPageSizes(file.bytes)).toEqual([[595.28, 841.89]]);
    expect(await printsOf(invoice.id)).toMatchObject([
      { kind: "INVOICE", patientId: invoice.patientId, copy: false },
    ]);
    keepPng(file.bytes, "invoice-third-party-mixed-tax-a4");

    const copyFile = fileOf(await clinic.callAs("BILLING", printInvoiceAction, { invoiceId: invoice.id }));
    const again = pdfText(copyFile.bytes);
    keepPng(copyFile.bytes, "invoice-copy");
    expect(again).toContain("COPY");
    expect(again).toContain(`by ${clinic.members.BILLING.name}`);
    expect((await printsOf(invoice.id)).map((row) => row.copy)).toEqual([false, true]);
    const audits = await clinic.db.auditEvent.findMany({
      where: { action: "document.printed", targetId: invoice.id },
      orderBy: { at: "asc" },
    });
    expect(audits.map((event) => event.details)).toMatchObject([
      { kind: "INVOICE", number: invoice.number, copy: false },
      { kind: "INVOICE", number: invoice.number, copy: true },
    ]);
    await clinic.db.clinicSetting.update({
      where: { id: 1 },
      data: { name: "Maple Family Clinic", ...LEGAL },
    });
  });

  it("prints on US Letter when the clinic's paper was Letter at issuing, and bills the patient at their address", async () => {
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { paperSize: "LETTER" } });
    const invoice = await issuedInvoice({ billTo: "PATIENT" });
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { paperSize: "A4" } });

    const file = fileOf(await clinic.callAs("OWNER", printInvoiceAction, { invoiceId: invoice.id }));
    const text = pdfText(file.bytes);
    expect(await pdfPageSizes(file.bytes)).toEqual([[612, 792]]);
    expect(text).toMatch(/BILL TO[\s\S]*Zoë Ångström[\s\S]*4 Rue de la Paix, Flat 2/);
    expect(text).not.toContain("Northwind");
    expect(text).toContain("Balance due");
    keepPng(file.bytes, "invoice-patient-letter");
  });

  it("runs onto more pages with the table's header again and Page n of m", async () => {
    const lines = Array.from({ length: 45 }, (_, index) => ({
      ...MIXED[index % 3],
      description: `${MIXED[index % 3]?.description} (session ${index + 1})`,
    })) as Line[];
    const invoice = await issuedInvoice({ lines });
    const file = fileOf(await clinic.callAs("BILLING", printInvoiceAction, { invoiceId: invoice.id }));
    const text = pdfText(file.bytes);
    const pages = (await pdfPageSizes(file.bytes)).length;
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain(`Invoice ${invoice.number} (continued)`);
    expect(text.match(/Description\s+Qty\s+Unit price/g)?.length).toBe(pages);
    expect(text).toContain("(session 45)");
    expect(text).toContain("Balance due");
    keepPng(file.bytes, "invoice-multi-page");
  });

  it("prints a credit note with the invoice it voids and why, and the voided invoice says so", async () => {
    const invoice = await issuedInvoice();
    const voided = dataOf(
      await clinic.callAs("BILLING", voidInvoiceAction, {
        invoiceId: invoice.id,
        reason: "Billed to the wrong insurer",
      }),
    );
    const noteFile = fileOf(
      await clinic.callAs("BILLING", printInvoiceAction, { invoiceId: voided.creditNoteId }),
    );
    const note = pdfText(noteFile.bytes);
    keepPng(noteFile.bytes, "credit-note");
    for (const expected of [
      "Credit note",
      voided.number,
      `Invoice ${invoice.number} of 04/03/2026, in full`,
      "Billed to the wrong insurer",
      "Northwind Health Insurance",
      "Total credited",
      "-£117.00",
      "Exempt: Medical care",
    ])
      expect(note).toContain(expected);
    expect(note).not.toContain("Balance due");

    const original = pdfText(
      fileOf(await clinic.callAs("BILLING", printInvoiceAction, { invoiceId: invoice.id })).bytes,
    );
    expect(original).toContain(`By credit note ${voided.number}`);
    expect(original).not.toContain("Balance due");
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "document.printed", targetId: voided.creditNoteId },
    });
    expect(audit.details).toMatchObject({ document: "credit note", number: voided.number });
  });

  it("refuses a draft, saying to issue it first, and logs nothing", async () => {
    const draft = await issuedInvoice({ draftOnly: true });
    expect(await clinic.callAs("BILLING", printInvoiceAction, { invoiceId: draft.id })).toEqual({
      ok: false,
      error: { code: "CONFLICT", message: DRAFT_NOT_PRINTABLE },
    });
    expect(await printsOf(draft.id)).toEqual([]);
  });

  it("does not find another clinic's invoice, nor an id that is no invoice", async () => {
    const foreign = await invoiceRowsOf(other.db).issued((await rowsOf(other.db).member("BILLING")).id);
    for (const invoiceId of [foreign.id, "00000000-0000-4000-8000-000000000000"])
      expect(await clinic.callAs("BILLING", printInvoiceAction, { invoiceId })).toEqual({
        ok: false,
        error: { code: "NOT_FOUND", message: INVOICE_NOT_FOUND },
      });
    expect(await other.db.documentPrint.count()).toBe(0);
  });

  it("lets the roles that see billing print it (the front desk hands it over), and no one else", async () => {
    const invoice = await invoiceRowsOf(clinic.db).issued(billing());
    expect(rolesWith("billing.view").sort()).toEqual(["BILLING", "MANAGER", "OWNER", "RECEPTIONIST"]);
    for (const role of rolesWith("billing.view"))
      expect(await clinic.callAs(role, printInvoiceAction, { invoiceId: invoice.id })).toMatchObject({
        ok: true,
      });
    for (const role of rolesWithout("billing.view"))
      expect(await clinic.callAs(role, printInvoiceAction, { invoiceId: invoice.id })).toEqual(ROLE_REFUSED);
    expect((await printsOf(invoice.id)).length).toBe(rolesWith("billing.view").length);
  });
});
