import { COUNTRY_PROFILES } from "../country-profiles";
import type { PaperHeading } from "../paper-heading";
import { MUTED } from "./page-layout";
import { signatureBlock } from "./paper-blocks";
import { paperDate, paperDateTime, paperDay } from "./paper-dates";
import { closePaper, openPaper } from "./paper-frame";

export type ReferralLetterPaper = {
  heading: PaperHeading;
  recipient: string;
  recipientAddress: string | null;
  reason: string;
  history: string;
  body: string;
  writtenAt: Date;
  printedAt: Date;
  copy: { by: string } | null;
  hour12: boolean;
};

const mentions = (body: string, text: string) => !text.trim() || body.includes(text.trim());

/** A referral letter: to whom, about whom, why, the relevant history, and the doctor's text as written. */
export async function renderReferralLetterPdf(paper: ReferralLetterPaper): Promise<Uint8Array> {
  const { heading } = paper;
  const clock = { ...heading.clinic, hour12: paper.hour12 };
  const frame = {
    paperSize: heading.clinic.paperSize,
    clinicName: heading.clinic.name,
    location: heading.location,
    title: "Referral letter",
    number: null,
    dateLine: `Date ${paperDate(paper.writtenAt, clock)}`,
    copy: paper.copy ? { printedAt: paperDateTime(paper.printedAt, clock), by: paper.copy.by } : null,
    printedAt: paper.printedAt,
  };
  const layout = await openPaper(frame);
  layout.space(6);
  layout.paragraph(paper.recipient, { bold: true });
  if (paper.recipientAddress) layout.paragraph(paper.recipientAddress);
  layout.space(14);
  const born = paperDay(heading.patient.dateOfBirth, clock);
  layout.paragraph(`Re: ${heading.patient.name}, born ${born}, ${heading.patient.mrn}`, { bold: true });
  if (heading.patient.address)
    layout.paragraph(heading.patient.address.replace(/\s*\n\s*/g, ", "), { color: MUTED });
  layout.space(6);
  // The template usually writes the reason and history into the body; they are printed apart only when it did not.
  if (!mentions(paper.body, paper.reason))
    layout.labelled("Reason for referral", paper.reason, { labelWidth: 120 });
  layout.space(6);
  layout.paragraph(paper.body, { after: 6 });
  if (!mentions(paper.body, paper.history)) {
    layout.heading("Relevant history");
    layout.paragraph(paper.history);
  }
  signatureBlock(layout, heading, paper.writtenAt);
  const profile = COUNTRY_PROFILES[heading.clinic.country];
  if (heading.author.registration)
    layout.paragraph(`${profile.registrationLabel} ${heading.author.registration}`, {
      size: 9,
      color: MUTED,
    });
  return closePaper(layout, frame);
}
