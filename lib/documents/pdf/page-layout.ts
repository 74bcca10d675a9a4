import { type Color, type PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import type { PaperSize } from "../country-profiles";
import type { PaperFonts } from "./fonts";

/** Points (1/72 inch): ISO A4 and US Letter. */
export const PAGE_SIZES: Record<PaperSize, [number, number]> = {
  A4: [595.28, 841.89],
  LETTER: [612, 792],
};

export const INK = rgb(0.09, 0.1, 0.12);
export const MUTED = rgb(0.36, 0.38, 0.42);
export const RULE = rgb(0.72, 0.74, 0.78);

const MARGIN = 54;
/** Room kept at the bottom of every page for its footer. */
const FOOTER_ROOM = 46;

export type TextStyle = {
  size?: number;
  bold?: boolean;
  color?: Color;
  /** From the left margin, in points. */
  indent?: number;
  /** Extra space after the paragraph. */
  after?: number;
};

/** Breaks text into lines no wider than `width` at the font's own glyph widths; a word too long for a line is cut. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A document written top to bottom: text wraps by the font's widths, a page ends when the next
 * line would run into the footer, and each new page starts with `startPage` (the running head).
 */
export class PageLayout {
  readonly pages: PDFPage[] = [];
  readonly width: number;
  readonly height: number;
  readonly left = MARGIN;
  y = 0;
  private page: PDFPage | undefined;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: PaperFonts,
    paperSize: PaperSize,
    private readonly startPage: (layout: PageLayout, pageIndex: number) => void,
  ) {
    [this.width, this.height] = PAGE_SIZES[paperSize];
  }

  get right(): number {
    return this.width - MARGIN;
  }

  get contentWidth(): number {
    return this.right - this.left;
  }

  get bottom(): number {
    return FOOTER_ROOM + 18;
  }

  get current(): PDFPage {
    if (!this.page) return this.newPage();
    return this.page;
  }

  newPage(): PDFPage {
    const page = this.doc.addPage([this.width, this.height]);
    this.pages.push(page);
    this.page = page;
    this.y = this.height - MARGIN;
    this.startPage(this, this.pages.length - 1);
    return page;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (!this.page || this.y - height < this.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  fontOf(bold?: boolean): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** One line at an exact place, not moving the cursor; `align: "right"` ends it at x. */
  textAt(text: string, x: number, y: number, style: TextStyle & { align?: "left" | "right" } = {}): void {
    const size = style.size ?? 10;
    const font = this.fontOf(style.bold);
    const at = style.align === "right" ? x - font.widthOfTextAtSize(text, size) : x;
    this.current.drawText(text, { x: at, y, size, font, color: style.color ?? INK });
  }

  /** A wrapped paragraph at the cursor, breaking pages between lines. */
  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = this.fontOf(style.bold);
    const indent = style.indent ?? 0;
    const leading = size * 1.4;
    for (const line of wrapText(text, font, size, this.contentWidth - indent)) {
      this.ensure(leading);
      this.y -= leading;
      if (line)
        this.current.drawText(line, {
          x: this.left + indent,
          y: this.y + size * 0.3,
          size,
          font,
          color: style.color ?? INK,
        });
    }
    this.y -= style.after ?? 0;
  }

  /** "Label   value" with the value wrapped in its own column. */
  labelled(label: string, value: string, options: { labelWidth?: number; bold?: boolean } = {}): void {
    const labelWidth = options.labelWidth ?? 96;
    const size = 10;
    const leading = size * 1.4;
    const lines = wrapText(value || "—", this.fontOf(options.bold), size, this.contentWidth - labelWidth);
    this.ensure(leading * Math.min(lines.length, 2));
    this.textAt(label, this.left, this.y - leading + size * 0.3, { size: 9, color: MUTED });
    for (const line of lines) {
      this.ensure(leading);
      this.y -= leading;
      this.textAt(line, this.left + labelWidth, this.y + size * 0.3, { size, bold: options.bold });
    }
  }

  /** A section title kept on the same page as the two lines after it. */
  heading(text: string): void {
    this.ensure(52);
    this.space(10);
    this.paragraph(text, { size: 11.5, bold: true, after: 2 });
  }

  rule(options: { color?: Color; thickness?: number; gap?: number } = {}): void {
    const gap = options.gap ?? 6;
    this.ensure(gap * 2);
    this.y -= gap;
    this.current.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.right, y: this.y },
      thickness: options.thickness ?? 0.6,
      color: options.color ?? RULE,
    });
    this.y -= gap;
  }
}
