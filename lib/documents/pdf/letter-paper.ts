import type { PageLayout } from "./page-layout";
import { signatureBlock } from "./paper-blocks";
import { type PaperClock, paperDate } from "./paper-dates";
import { closePaper, frameOf, openPaper, type PrintedPaper } from "./paper-frame";

/** A letter written from a visit: dated the day it was written, signed by its author at the foot. */
export type LetterPaper = PrintedPaper & { writtenAt: Date };

/**
 * The layout every letter shares: the letterhead titled and dated the day written, the letter's own
 * content, then the author's signature block (and what the letter adds under it).
 */
export async function renderLetterPdf(
  paper: LetterPaper,
  letter: {
    title: string;
    write: (layout: PageLayout, clock: PaperClock) => void;
    underSignature?: (layout: PageLayout) => void;
  },
): Promise<Uint8Array> {
  const clock = { ...paper.heading.clinic, hour12: paper.hour12 };
  const frame = frameOf(paper, {
    title: letter.title,
    dateLine: `Date ${paperDate(paper.writtenAt, clock)}`,
  });
  const layout = await openPaper(frame);
  letter.write(layout, clock);
  signatureBlock(layout, paper.heading, paper.writtenAt);
  letter.underSignature?.(layout);
  return closePaper(layout, frame);
}
