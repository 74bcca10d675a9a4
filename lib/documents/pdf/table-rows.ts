import type { PageLayout, TextStyle } from "./page-layout";

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
