import { COUNTRY_PROFILES } from "../country-profiles";
import { type LetterPaper, renderLetterPdf } from "./letter-paper";
import { MUTED } from "./page-layout";
import { paperDay } from "./paper-dates";

export type ReferralLetterPaper = LetterPaper & {
  recipient: string;
  recipientAddress: string | null;
  reason: string;
  history: string;
  body: string;
};

const mentions = (body: string, text: string) => !text.trim() || body.includes(text.trim());

/** A referral letter: to whom, about whom, why, the relevant history, and the doctor's text as written. */
export async function renderReferralLetterPdf(paper: ReferralLetterPaper): Promise<Uint8Array> {
  const { heading } = paper;
  return renderLetterPdf(paper, {
    title: "Referral letter",
    write: (layout, clock) => {
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
    },
    underSignature: (layout) => {
      if (heading.author.registration)
        layout.paragraph(
          `${COUNTRY_PROFILES[heading.clinic.country].registrationLabel} ${heading.author.registration}`,
          { size: 9, color: MUTED },
        );
    },
  });
}
