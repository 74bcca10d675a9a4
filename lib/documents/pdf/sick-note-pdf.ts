import { type LetterPaper, renderLetterPdf } from "./letter-paper";
import { patientBlock } from "./paper-blocks";
import { paperDay } from "./paper-dates";

export type SickNotePaper = LetterPaper & {
  /** YYYY-MM-DD, both days included. */
  unfitFrom: string;
  unfitTo: string;
  body: string;
};

const DAY = 86_400_000;

/** A fitness-for-work note: the dates unfit for work and the doctor's text as written. */
export async function renderSickNotePdf(paper: SickNotePaper): Promise<Uint8Array> {
  return renderLetterPdf(paper, {
    title: "Sick note",
    write: (layout, clock) => {
      layout.space(4);
      layout.paragraph("Statement of fitness for work", { size: 13, bold: true });
      patientBlock(layout, paper.heading, paper.writtenAt);
      const days = Math.round((Date.parse(paper.unfitTo) - Date.parse(paper.unfitFrom)) / DAY) + 1;
      layout.heading("Not fit for work");
      layout.paragraph(
        `From ${paperDay(paper.unfitFrom, clock)} to ${paperDay(paper.unfitTo, clock)} inclusive (${days === 1 ? "1 day" : `${days} days`}).`,
        { bold: true, after: 6 },
      );
      layout.paragraph(paper.body);
    },
  });
}
