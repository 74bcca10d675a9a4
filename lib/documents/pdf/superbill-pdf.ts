import { formatMoney } from "@/lib/billing/money-input";
import type { Superbill } from "@/lib/billing/reports/superbill";
import type { PaperSize } from "../country-profiles";
import { MUTED } from "./page-layout";
import { type PaperClock, paperDate, paperDateTime } from "./paper-dates";
import { closePaper, openPaper } from "./paper-frame";
import { type PaperColumn, tableRow } from "./table-rows";

export type SuperbillPaper = {
  superbill: Superbill;
  clinicName: string;
  clock: PaperClock;
  paperSize: PaperSize;
  printedAt: Date;
  /** Set on a reprint. */
  copy: { by: string } | null;
};

const COLUMNS: PaperColumn[] = [
  { at: 0 },
  { at: 0.2 },
  { at: 0.36 },
  { at: 0.82, align: "right" },
  { at: 1, align: "right" },
];

/** A visit's superbill: what the patient sends their insurer themselves (no claim is submitted). */
export async function renderSuperbillPdf(paper: SuperbillPaper): Promise<Uint8Array> {
  const { superbill: bill, clock } = paper;
  const money = (minor: number) => formatMoney(minor, bill.currency);
  const frame = {
    paperSize: paper.paperSize,
    clinicName: paper.clinicName,
    location: bill.location,
    title: "Superbill",
    number: null,
    dateLine: `Visit on ${paperDate(bill.visitDate, clock)}`,
    copy: paper.copy ? { printedAt: paperDateTime(paper.printedAt, clock), by: paper.copy.by } : null,
    printedAt: paper.printedAt,
  };
  const layout = await openPaper(frame);
  layout.heading("Provider");
  layout.labelled("Practice", [bill.clinic.legalName, bill.clinic.legalAddress].filter(Boolean).join(", "));
  if (bill.clinic.taxId) layout.labelled("Tax ID", bill.clinic.taxId);
  layout.labelled("Doctor", [bill.doctor.name, bill.doctor.specialty].filter(Boolean).join(", "));
  layout.labelled("Registration", bill.doctor.registration ?? "Not recorded");

  layout.heading("Patient");
  layout.labelled("Name", `${bill.patient.name} (${bill.patient.mrn})`, { bold: true });
  layout.labelled("Date of birth", bill.patient.dateOfBirth.toISOString().slice(0, 10));
  if (bill.patient.address) layout.labelled("Address", bill.patient.address);
  layout.labelled("Date of service", paperDate(bill.visitDate, clock));

  layout.heading("Diagnoses");
  if (bill.diagnoses.length === 0)
    layout.paragraph("No diagnosis was recorded at this visit.", { color: MUTED });
  for (const diagnosis of bill.diagnoses)
    layout.labelled(diagnosis.code, `${diagnosis.title} (${diagnosis.codeSystem})`, { labelWidth: 70 });

  layout.heading("Services");
  tableRow(layout, COLUMNS, ["Invoice", "Code", "Description", "Qty", "Amount"], {
    bold: true,
    color: MUTED,
  });
  layout.rule({ gap: 2 });
  for (const line of bill.lines)
    tableRow(layout, COLUMNS, [
      line.invoiceNumber,
      line.code ?? "",
      line.description,
      String(line.quantity),
      money(line.totalMinor),
    ]);
  if (bill.lines.length === 0) layout.paragraph("No invoice was issued for this visit.", { color: MUTED });
  layout.rule({ gap: 2 });
  tableRow(layout, COLUMNS, ["", "", "Total charged", "", money(bill.totalMinor)], { bold: true });
  tableRow(layout, COLUMNS, ["", "", "Paid", "", money(bill.paidMinor)]);
  layout.space(10);
  layout.paragraph(
    `Printed ${paperDateTime(paper.printedAt, clock)}. Send this superbill to your insurer to claim; the clinic does not submit insurance claims.`,
    { size: 8.5, color: MUTED },
  );
  return closePaper(layout, frame);
}
