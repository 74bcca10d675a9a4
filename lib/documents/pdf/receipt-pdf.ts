import type { PaperSize } from "../country-profiles";
import { MUTED } from "./page-layout";
import { paperDateTime } from "./paper-dates";
import { closePaper, openPaper, type PaperFrame } from "./paper-frame";

export type ReceiptPaper = {
  clinic: { name: string; legalName: string; taxId: string | null; timezone: string; dateOrder: string };
  paperSize: PaperSize;
  location: { name: string; address: string | null; phone: string | null };
  receiptNumber: string;
  takenAt: Date;
  takenBy: string;
  patient: { name: string; mrn: string };
  /** Who the invoices it paid are addressed to, when not the patient. */
  billTo: string | null;
  method: string;
  reference: string | null;
  /** Amounts already formatted in the clinic's currency. */
  amount: string;
  paid: { number: string; amount: string }[];
  credited: string | null;
  refunded: { amount: string; method: string; at: Date }[];
  creditLeft: string;
  printedAt: Date;
  /** Set on a reprint. */
  copy: { by: string } | null;
  hour12: boolean;
};

/** A payment's receipt on the clinic's letterhead: what was received, how, and what it paid. */
export async function renderReceiptPdf(paper: ReceiptPaper): Promise<Uint8Array> {
  const clock = { ...paper.clinic, hour12: paper.hour12 };
  const frame: PaperFrame = {
    paperSize: paper.paperSize,
    clinicName: paper.clinic.name,
    location: paper.location,
    title: "Receipt",
    number: paper.receiptNumber,
    dateLine: `Date ${paperDateTime(paper.takenAt, clock)}`,
    copy: paper.copy ? { printedAt: paperDateTime(paper.printedAt, clock), by: paper.copy.by } : null,
    footerNote: [paper.clinic.legalName, paper.clinic.taxId ? `Tax ID ${paper.clinic.taxId}` : null]
      .filter(Boolean)
      .join(" · "),
    printedAt: paper.printedAt,
  };
  const layout = await openPaper(frame);
  layout.heading("Received from");
  layout.labelled("Patient", paper.patient.name, { bold: true });
  layout.labelled("MRN", paper.patient.mrn);
  if (paper.billTo) layout.labelled("Bill to", paper.billTo);

  layout.heading("Payment");
  layout.labelled("Amount", paper.amount, { bold: true });
  layout.labelled("Method", paper.method);
  if (paper.reference) layout.labelled("Reference", paper.reference);
  layout.labelled("Taken by", paper.takenBy);

  layout.heading("What it paid");
  if (paper.paid.length === 0) layout.paragraph("No invoice: all of it is kept as the patient's credit.");
  for (const line of paper.paid) layout.labelled(`Invoice ${line.number}`, line.amount);
  if (paper.credited) layout.labelled("Kept as credit", paper.credited);
  for (const refund of paper.refunded)
    layout.labelled("Refunded", `${refund.amount} by ${refund.method} on ${paperDateTime(refund.at, clock)}`);
  layout.space(6);
  layout.labelled("Credit left", `${paper.creditLeft} (the patient's credit on all payments)`);
  layout.space(10);
  layout.paragraph(`Printed ${paperDateTime(paper.printedAt, clock)}. Thank you.`, {
    size: 8.5,
    color: MUTED,
  });
  return closePaper(layout, frame);
}
