import { formatMoney } from "@/lib/billing/money-input";
import type { Statement } from "@/lib/billing/reports/statement";
import type { PaperSize } from "../country-profiles";
import { MUTED } from "./page-layout";
import { type PaperClock, paperDate, paperDateTime, paperDay } from "./paper-dates";
import { closePaper, openPaper } from "./paper-frame";
import { type PaperColumn, tableRow } from "./table-rows";

export type StatementPaper = {
  statement: Statement;
  clinic: { name: string; legalName: string; legalAddress: string | null; taxId: string | null };
  location: { name: string; address: string | null; phone: string | null };
  clock: PaperClock;
  paperSize: PaperSize;
  printedAt: Date;
};

const COLUMNS: PaperColumn[] = [
  { at: 0 },
  { at: 0.17 },
  { at: 0.42 },
  { at: 0.8, align: "right" },
  { at: 1, align: "right" },
];

/** A patient's statement of account for a period on the clinic's letterhead. */
export async function renderStatementPdf(paper: StatementPaper): Promise<Uint8Array> {
  const { statement, clock } = paper;
  const money = (minor: number) => formatMoney(minor, statement.currency);
  const frame = {
    paperSize: paper.paperSize,
    clinicName: paper.clinic.name,
    location: paper.location,
    title: "Statement",
    number: null,
    dateLine: `${paperDay(statement.from, clock)} to ${paperDay(statement.to, clock)}`,
    copy: null,
    printedAt: paper.printedAt,
  };
  const layout = await openPaper(frame);
  layout.labelled("Patient", `${statement.patient.name} (${statement.patient.mrn})`, { bold: true });
  if (statement.patient.address) layout.labelled("Address", statement.patient.address);
  layout.labelled("From", [paper.clinic.legalName, paper.clinic.legalAddress].filter(Boolean).join(", "));
  if (paper.clinic.taxId) layout.labelled("Tax ID", paper.clinic.taxId);

  layout.heading("Account");
  tableRow(layout, COLUMNS, ["Date", "Reference", "Description", "Amount", "Balance"], {
    bold: true,
    color: MUTED,
  });
  layout.rule({ gap: 2 });
  let balance = statement.openingMinor;
  tableRow(layout, COLUMNS, [
    paperDay(statement.from, clock),
    "",
    "Balance brought forward",
    "",
    money(balance),
  ]);
  for (const entry of statement.entries) {
    balance += entry.amountMinor;
    const method = entry.method ? ` (${entry.method.replace("_", " ").toLowerCase()})` : "";
    tableRow(layout, COLUMNS, [
      paperDate(entry.at, clock),
      entry.reference,
      `${entry.description}${method}`,
      money(entry.amountMinor),
      money(balance),
    ]);
  }
  if (statement.entries.length === 0)
    layout.paragraph("Nothing was invoiced, paid or refunded in this period.", { color: MUTED });
  layout.rule({ gap: 2 });
  tableRow(
    layout,
    COLUMNS,
    [paperDay(statement.to, clock), "", "Balance carried forward", "", money(statement.closingMinor)],
    {
      bold: true,
    },
  );

  layout.heading("Today");
  layout.labelled("Amount owed", money(statement.owedMinor), { bold: true });
  layout.labelled("Credit held", money(statement.creditMinor));
  layout.space(10);
  layout.paragraph(
    `Printed ${paperDateTime(paper.printedAt, clock)}. A positive balance is owed to the clinic; a negative one is credit held for you. Questions: ${paper.location.phone ?? "call the clinic"}.`,
    { size: 8.5, color: MUTED },
  );
  return closePaper(layout, frame);
}
