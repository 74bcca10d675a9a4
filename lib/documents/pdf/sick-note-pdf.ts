import type { PaperHeading } from "../paper-heading";
import { patientBlock, signatureBlock } from "./paper-blocks";
import { paperDate, paperDateTime, paperDay } from "./paper-dates";
import { closePaper, openPaper } from "./paper-frame";

export type SickNotePaper = {
  heading: PaperHeading;
  /** YYYY-MM-DD, both days included. */
  unfitFrom: string;
  unfitTo: string;
  body: string;
  writtenAt: Date;
  printedAt: Date;
  copy: { by: string } | null;
  hour12: boolean;
};

const DAY = 86_400_000;

/** A fitness-for-work note: the dates unfit for work and the doctor's text as written. */
export async function renderSickNotePdf(paper: SickNotePaper): Promise<Uint8Array> {
  const { heading } = paper;
  const clock = { ...heading.clinic, hour12: paper.hour12 };
  const frame = {
    paperSize: heading.clinic.paperSize,
    clinicName: heading.clinic.name,
    location: heading.location,
    title: "Sick note",
    number: null,
    dateLine: `Date ${paperDate(paper.writtenAt, clock)}`,
    copy: paper.copy ? { printedAt: paperDateTime(paper.printedAt, clock), by: paper.copy.by } : null,
    printedAt: paper.printedAt,
  };
  const layout = await openPaper(frame);
  layout.space(4);
  layout.paragraph("Statement of fitness for work", { size: 13, bold: true });
  patientBlock(layout, heading, paper.writtenAt);
  const days = Math.round((Date.parse(paper.unfitTo) - Date.parse(paper.unfitFrom)) / DAY) + 1;
  layout.heading("Not fit for work");
  layout.paragraph(
    `From ${paperDay(paper.unfitFrom, clock)} to ${paperDay(paper.unfitTo, clock)} inclusive (${days === 1 ? "1 day" : `${days} days`}).`,
    { bold: true, after: 6 },
  );
  layout.paragraph(paper.body);
  signatureBlock(layout, heading, paper.writtenAt);
  return closePaper(layout, frame);
}
