import type { InvoiceSnapshot } from "@/lib/billing/invoice-snapshot";
import { formatMoney } from "@/lib/billing/money-input";
import { isPaperSize } from "../country-profiles";
import { type InvoiceLinePaper, invoiceLinesTable, invoiceTotals } from "./invoice-tables";
import { MUTED, type PageLayout, wrapText } from "./page-layout";
import { type PaperClock, paperDate, paperDateTime } from "./paper-dates";
import { closePaper, openPaper, type PaperFrame } from "./paper-frame";

export type InvoicePaper = {
  kind: "INVOICE" | "CREDIT_NOTE";
  number: string;
  issuedAt: Date;
  /** Fixed at issuing: the clinic, location, doctor, patient and bill-to as they were then. */
  snapshot: InvoiceSnapshot;
  /** The visit (or the missed appointment) it charges for; null for an invoice made by hand. */
  suppliedOn: Date | null;
  currency: string;
  pricesIncludeTax: boolean;
  lines: InvoiceLinePaper[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** An invoice still standing: what was applied to it and what is left to pay. */
  settlement: { paidMinor: number; balanceMinor: number } | null;
  /** An invoice a credit note voided. */
  voidedBy: { number: string; issuedAt: Date } | null;
  /** A credit note: the invoice it voids and why. */
  voids: { number: string; issuedAt: Date | null; reason: string | null } | null;
  printedAt: Date;
  /** Set on a reprint. */
  copy: { by: string } | null;
  hour12: boolean;
};

/** Two blocks side by side ("From" and "Bill to"), each a bold first line and wrapped lines under it. */
function partyBlocks(layout: PageLayout, blocks: { title: string; lines: string[] }[]): void {
  const gutter = 18;
  const width = (layout.contentWidth - gutter) / blocks.length;
  const wrapped = blocks.map((block) =>
    block.lines.flatMap((line, index) =>
      wrapText(line, layout.fontOf(index === 0), 10, width).map((text) => ({ text, bold: index === 0 })),
    ),
  );
  const height = 16 + Math.max(...wrapped.map((lines) => lines.length)) * 13.5;
  layout.ensure(height + 12);
  layout.space(10);
  blocks.forEach((block, index) => {
    const x = layout.left + index * (width + gutter);
    layout.textAt(block.title, x, layout.y - 9, { size: 9, bold: true, color: MUTED });
    (wrapped[index] ?? []).forEach((line, row) => {
      layout.textAt(line.text, x, layout.y - 24 - row * 13.5, { size: 10, bold: line.bold });
    });
  });
  layout.space(height);
}

const present = (...parts: (string | null | undefined)[]) =>
  parts.filter((part): part is string => Boolean(part?.trim()));

/**
 * An issued invoice or credit note on the clinic's letterhead, drawn only from its snapshot: what
 * art. 226 of the VAT Directive asks of an invoice (issue date, number, supplier's legal name,
 * address and tax ID, the customer, date of supply, each line with its unit price, discount and
 * rate, the taxable amount and tax per rate, exemption reasons), and for an invoice what is paid.
 */
export async function renderInvoicePdf(paper: InvoicePaper): Promise<Uint8Array> {
  const { snapshot, kind } = paper;
  const clock: PaperClock = { ...snapshot.clinic, hour12: paper.hour12 };
  const money = (minor: number) => formatMoney(minor, paper.currency);
  const frame: PaperFrame = {
    paperSize: isPaperSize(snapshot.clinic.paperSize) ? snapshot.clinic.paperSize : "A4",
    clinicName: snapshot.clinic.name,
    location: snapshot.location,
    title: kind === "CREDIT_NOTE" ? "Credit note" : "Invoice",
    number: paper.number,
    dateLine: `Date of issue ${paperDate(paper.issuedAt, clock)}`,
    copy: paper.copy ? { printedAt: paperDateTime(paper.printedAt, clock), by: paper.copy.by } : null,
    footerNote: present(
      snapshot.clinic.legalName,
      snapshot.clinic.taxId ? `Tax ID ${snapshot.clinic.taxId}` : null,
    ).join(" · "),
    printedAt: paper.printedAt,
  };
  const layout = await openPaper(frame);

  const { clinic, billTo, patient } = snapshot;
  partyBlocks(layout, [
    {
      title: "FROM",
      lines: present(clinic.legalName, clinic.legalAddress, clinic.taxId ? `Tax ID ${clinic.taxId}` : null),
    },
    {
      title: "BILL TO",
      lines: present(
        billTo.name,
        billTo.address ?? (billTo.kind === "PATIENT" ? "Address not recorded" : null),
        billTo.reference ? `Reference ${billTo.reference}` : null,
      ),
    },
  ]);
  layout.space(4);
  layout.labelled("Patient", `${patient.name} (MRN ${patient.mrn})`);
  if (snapshot.doctor)
    layout.labelled("Doctor", present(snapshot.doctor.name, snapshot.doctor.registration).join(", Reg. "));
  if (paper.suppliedOn) layout.labelled("Date of supply", paperDate(paper.suppliedOn, clock));
  if (paper.voids) {
    const of = paper.voids.issuedAt ? ` of ${paperDate(paper.voids.issuedAt, clock)}` : "";
    layout.labelled("Voids", `Invoice ${paper.voids.number}${of}, in full`, { bold: true });
    layout.labelled("Reason", paper.voids.reason?.trim() || "Not given");
  }
  if (paper.voidedBy)
    layout.labelled(
      "Voided",
      `By credit note ${paper.voidedBy.number} of ${paperDate(paper.voidedBy.issuedAt, clock)}: nothing is owed on this invoice.`,
      { bold: true },
    );

  layout.heading(kind === "CREDIT_NOTE" ? "What it credits" : "What was supplied");
  layout.paragraph(
    `Amounts in ${paper.currency}. Unit prices ${paper.pricesIncludeTax ? "include" : "exclude"} tax.`,
    { size: 8.5, color: MUTED },
  );
  invoiceLinesTable(layout, paper.lines, { money, pricesIncludeTax: paper.pricesIncludeTax });
  invoiceTotals(layout, {
    lines: paper.lines,
    money,
    totals: [
      { label: "Net amount", minor: paper.subtotalMinor },
      { label: "Tax", minor: paper.taxMinor },
      { label: kind === "CREDIT_NOTE" ? "Total credited" : "Total", minor: paper.totalMinor, bold: true },
      ...(paper.settlement
        ? [
            { label: "Paid so far", minor: paper.settlement.paidMinor },
            { label: "Balance due", minor: paper.settlement.balanceMinor, bold: true },
          ]
        : []),
    ],
  });

  layout.space(12);
  layout.paragraph(
    `Printed ${paperDateTime(paper.printedAt, clock)}.${
      kind === "CREDIT_NOTE"
        ? ` This credit note cancels invoice ${paper.voids?.number ?? ""}; what was paid on it went to the patient's credit.`
        : ""
    }`,
    { size: 8.5, color: MUTED },
  );
  return closePaper(layout, frame);
}
