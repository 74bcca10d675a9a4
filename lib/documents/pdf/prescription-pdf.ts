import type { WordedLine } from "@/lib/clinical/prescriptions/line-wording";
import {
  directionsOf,
  medicationTitle,
  numberInWords,
  supplyOf,
} from "@/lib/clinical/prescriptions/line-wording";
import { COUNTRY_PROFILES } from "../country-profiles";
import type { PaperHeading } from "../paper-heading";
import { MUTED } from "./page-layout";
import { authorBlock, patientBlock, signatureBlock } from "./paper-blocks";
import { paperDate } from "./paper-dates";
import { closePaper, frameOf, openPaper } from "./paper-frame";

export type PrescriptionPaper = {
  /** Fixed at signing: the paper shows these addresses, never today's. */
  heading: PaperHeading;
  number: string;
  signedAt: Date;
  lines: (WordedLine & { instructions?: string | null })[];
  printedAt: Date;
  /** Set on a reprint. */
  copy: { by: string } | null;
  hour12: boolean;
};

/** A signed prescription on the clinic's letterhead, laid out for a pharmacist to dispense from. */
export async function renderPrescriptionPdf(paper: PrescriptionPaper): Promise<Uint8Array> {
  const { heading, lines } = paper;
  const profile = COUNTRY_PROFILES[heading.clinic.country];
  const frame = frameOf(paper, {
    title: "Prescription",
    number: paper.number,
    dateLine: `Date ${paperDate(paper.signedAt, heading.clinic)}`,
    footerNote: profile.footer,
  });

  const layout = await openPaper(frame);
  patientBlock(layout, heading, paper.signedAt);
  authorBlock(layout, heading, "Prescriber");

  const count = `${lines.length} (${numberInWords(lines.length)}) ${lines.length === 1 ? "item" : "items"}`;
  layout.heading(`Medicines · ${count}`);
  lines.forEach((line, index) => {
    layout.ensure(64);
    layout.space(4);
    layout.paragraph(`${index + 1}. ${medicationTitle(line)}`, { size: 11, bold: true });
    layout.paragraph(directionsOf(line), { indent: 16 });
    layout.paragraph(supplyOf(line), { indent: 16 });
    if (line.instructions) layout.paragraph(`Instructions: ${line.instructions}`, { indent: 16 });
  });
  layout.space(6);
  layout.paragraph(`End of prescription: ${count}. Nothing written below this line is part of it.`, {
    size: 8.5,
    color: MUTED,
  });
  layout.rule();
  signatureBlock(layout, heading, paper.signedAt);
  return closePaper(layout, frame);
}
