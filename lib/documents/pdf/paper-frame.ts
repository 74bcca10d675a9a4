import { degrees, PDFDocument, rgb } from "pdf-lib";
import type { PaperSize } from "../country-profiles";
import type { PaperHeading } from "../paper-heading";
import { embedPaperFonts } from "./fonts";
import { INK, MUTED, PageLayout, RULE, wrapText } from "./page-layout";
import { paperDateTime } from "./paper-dates";

const ACCENT = rgb(0.05, 0.4, 0.42);
const COPY_RED = rgb(0.62, 0.08, 0.08);

/** What every printed document shares: the letterhead, the document's name and number, a reprint's marking. */
export type PaperFrame = {
  paperSize: PaperSize;
  clinicName: string;
  location: { name: string; address: string | null; phone: string | null };
  /** "Prescription", "Visit summary"… */
  title: string;
  /** "RX-000123": printed on every page. */
  number: string | null;
  /** "Date 30/11/2026" under the title. */
  dateLine: string;
  /** Set on a reprint: "Copy printed 30/11/2026 14:05 by Rita Jones" and a large diagonal COPY. */
  copy: { printedAt: string; by: string } | null;
  /** A line the reader must see on every page (a country's prescription rule). */
  footerNote?: string | null;
  /** When it was printed: the file's creation date, so the same print makes the same file. */
  printedAt: Date;
};

/** What every printout knows besides its content: the heading it was written with, when and by whom it is printed. */
export type PrintedPaper = {
  heading: PaperHeading;
  printedAt: Date;
  /** Set on a reprint. */
  copy: { by: string } | null;
  hour12: boolean;
};

/** The frame of a document printed from its heading: the letterhead on the clinic's paper, a reprint marked. */
export function frameOf(
  paper: PrintedPaper,
  fields: Pick<PaperFrame, "title" | "dateLine" | "footerNote"> & {
    number?: string | null;
    paperSize?: PaperSize;
  },
): PaperFrame {
  const { heading } = paper;
  const clock = { ...heading.clinic, hour12: paper.hour12 };
  return {
    paperSize: fields.paperSize ?? heading.clinic.paperSize,
    clinicName: heading.clinic.name,
    location: heading.location,
    title: fields.title,
    number: fields.number ?? null,
    dateLine: fields.dateLine,
    copy: paper.copy ? { printedAt: paperDateTime(paper.printedAt, clock), by: paper.copy.by } : null,
    footerNote: fields.footerNote,
    printedAt: paper.printedAt,
  };
}

const reference = (frame: PaperFrame) => [frame.title, frame.number].filter(Boolean).join(" ");

function drawLetterhead(layout: PageLayout, frame: PaperFrame): void {
  const top = layout.y;
  const leftWidth = layout.contentWidth * 0.58;
  layout.textAt(frame.title, layout.right, top - 15, { size: 15, bold: true, align: "right" });
  let right = top - 15;
  if (frame.number) {
    right -= 16;
    layout.textAt(frame.number, layout.right, right, { size: 12, bold: true, align: "right" });
  }
  right -= 14;
  layout.textAt(frame.dateLine, layout.right, right, { size: 9.5, color: MUTED, align: "right" });

  let y = top;
  for (const line of wrapText(frame.clinicName, layout.fonts.bold, 17, leftWidth)) {
    y -= 19;
    layout.textAt(line, layout.left, y, { size: 17, bold: true, color: ACCENT });
  }
  const place = [
    frame.location.name !== frame.clinicName ? frame.location.name : null,
    frame.location.address,
  ]
    .filter((part): part is string => Boolean(part?.trim()))
    .join("\n");
  const lines = wrapText(place, layout.fonts.regular, 9.5, leftWidth).filter(Boolean);
  if (frame.location.phone) lines.push(`Tel. ${frame.location.phone}`);
  y -= 3;
  for (const line of lines) {
    y -= 12.5;
    layout.textAt(line, layout.left, y, { size: 9.5, color: MUTED });
  }
  layout.y = Math.min(y, right) - 8;
  if (frame.copy) {
    const text = `COPY · Copy printed ${frame.copy.printedAt} by ${frame.copy.by}. The original was printed before.`;
    const lines = wrapText(text, layout.fonts.bold, 9.5, layout.contentWidth - 16);
    const height = lines.length * 13 + 8;
    layout.current.drawRectangle({
      x: layout.left,
      y: layout.y - height,
      width: layout.contentWidth,
      height,
      borderColor: COPY_RED,
      borderWidth: 1,
    });
    let lineY = layout.y - 4;
    for (const line of lines) {
      lineY -= 13;
      layout.textAt(line, layout.left + 8, lineY + 3, { size: 9.5, bold: true, color: COPY_RED });
    }
    layout.y -= height + 4;
  }
  layout.rule({ color: ACCENT, thickness: 1.2, gap: 5 });
}

function drawRunningHead(layout: PageLayout, frame: PaperFrame): void {
  layout.textAt(frame.clinicName, layout.left, layout.y - 10, { size: 9.5, bold: true, color: ACCENT });
  layout.textAt(`${reference(frame)} (continued)`, layout.right, layout.y - 10, {
    size: 9.5,
    color: MUTED,
    align: "right",
  });
  layout.y -= 14;
  layout.rule({ color: ACCENT, thickness: 0.8, gap: 4 });
  layout.space(4);
}

/** A new document in the clinic's paper size with the letterhead on its first page and a running head on the rest. */
export async function openPaper(frame: PaperFrame): Promise<PageLayout> {
  const doc = await PDFDocument.create();
  const fonts = await embedPaperFonts(doc);
  const layout = new PageLayout(doc, fonts, frame.paperSize, (page, index) =>
    index === 0 ? drawLetterhead(page, frame) : drawRunningHead(page, frame),
  );
  layout.newPage();
  return layout;
}

function drawCopyMark(layout: PageLayout, pageIndex: number): void {
  const page = layout.pages[pageIndex];
  if (!page) return;
  const size = 150;
  const angle = 38;
  const width = layout.fonts.bold.widthOfTextAtSize("COPY", size);
  const radians = (angle * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const half = size * 0.36;
  page.drawText("COPY", {
    x: layout.width / 2 - (width / 2) * cos + half * sin,
    y: layout.height / 2 - (width / 2) * sin - half * cos,
    size,
    font: layout.fonts.bold,
    color: COPY_RED,
    opacity: 0.1,
    rotate: degrees(angle),
  });
}

/** Footers ("Page x of y" with the document's number), a reprint's COPY on every page, then the file's bytes. */
export async function closePaper(layout: PageLayout, frame: PaperFrame): Promise<Uint8Array> {
  const total = layout.pages.length;
  layout.pages.forEach((page, index) => {
    const lineY = 46;
    page.drawLine({
      start: { x: layout.left, y: lineY },
      end: { x: layout.right, y: lineY },
      thickness: 0.5,
      color: RULE,
    });
    if (frame.footerNote) {
      const note = wrapText(frame.footerNote, layout.fonts.regular, 8.5, layout.contentWidth)[0] ?? "";
      page.drawText(note, {
        x: layout.left,
        y: lineY + 6,
        size: 8.5,
        font: layout.fonts.regular,
        color: INK,
      });
    }
    const left = `${frame.clinicName} · ${reference(frame)}`;
    page.drawText(left, {
      x: layout.left,
      y: lineY - 13,
      size: 8.5,
      font: layout.fonts.regular,
      color: MUTED,
    });
    const pageText = `Page ${index + 1} of ${total}`;
    const width = layout.fonts.regular.widthOfTextAtSize(pageText, 8.5);
    page.drawText(pageText, {
      x: layout.right - width,
      y: lineY - 13,
      size: 8.5,
      font: layout.fonts.regular,
      color: MUTED,
    });
    if (frame.copy) drawCopyMark(layout, index);
  });
  const { doc } = layout;
  doc.setTitle(reference(frame));
  doc.setAuthor(frame.clinicName);
  doc.setCreator("Clinic Platform");
  doc.setProducer("Clinic Platform (pdf-lib)");
  doc.setCreationDate(frame.printedAt);
  doc.setModificationDate(frame.printedAt);
  return doc.save();
}
