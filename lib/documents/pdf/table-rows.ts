import { MUTED, type PageLayout, type TextStyle, wrapText } from "./page-layout";

/** A column of a printed table: where it starts (share of the width), and right-aligned for amounts. */
export type PaperColumn = { at: number; align?: "right" };

/** One table row at the cursor, each cell at its column, moving to a new page when it does not fit. */
export function tableRow(
  layout: PageLayout,
  columns: PaperColumn[],
  cells: string[],
  style: TextStyle = {},
): void {
  const size = style.size ?? 9.5;
  const leading = size * 1.5;
  layout.ensure(leading);
  layout.y -= leading;
  cells.forEach((cell, index) => {
    const column = columns[index];
    if (!column) return;
    layout.textAt(cell, layout.left + layout.contentWidth * column.at, layout.y + size * 0.3, {
      ...style,
      size,
      align: column.align,
    });
  });
}

/** A column whose cells wrap within `width` (a share of the page's width). */
export type WrappedColumn = PaperColumn & { width: number };

/**
 * One table row whose cells wrap within their columns, kept whole on one page: `notes` are smaller
 * muted lines under a cell (an exempt line's reason); `onNewPage` draws the table's header again
 * when the row starts a new page.
 */
export function wrappedTableRow(
  layout: PageLayout,
  columns: WrappedColumn[],
  cells: string[],
  options: TextStyle & { notes?: (string | null)[]; onNewPage?: () => void } = {},
): void {
  const { onNewPage, notes, ...style } = options;
  const size = style.size ?? 9.5;
  const noteSize = size - 1;
  const widthOf = (column: WrappedColumn) => layout.contentWidth * column.width;
  const wrapped = columns.map((column, index) => ({
    lines: wrapText(cells[index] ?? "", layout.fontOf(style.bold), size, widthOf(column)),
    notes: notes?.[index]
      ? wrapText(notes[index] ?? "", layout.fonts.regular, noteSize, widthOf(column))
      : [],
  }));
  const heightOf = (cell: { lines: string[]; notes: string[] }) =>
    cell.lines.length * size * 1.4 + cell.notes.length * noteSize * 1.35;
  const height = Math.max(...wrapped.map(heightOf)) + size * 0.35;
  if (layout.y - height < layout.bottom) {
    layout.newPage();
    onNewPage?.();
  }
  wrapped.forEach((cell, index) => {
    const column = columns[index] as WrappedColumn;
    const x = layout.left + layout.contentWidth * column.at;
    let y = layout.y;
    for (const line of cell.lines) {
      y -= size * 1.4;
      layout.textAt(line, x, y + size * 0.3, { ...style, size, align: column.align });
    }
    for (const line of cell.notes) {
      y -= noteSize * 1.35;
      layout.textAt(line, x, y + noteSize * 0.3, { size: noteSize, color: MUTED, align: column.align });
    }
  });
  layout.y -= height;
}
