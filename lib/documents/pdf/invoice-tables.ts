import { exemptText, type TaxedLine, taxBands, taxColumnOf } from "./invoice-tax";
import { MUTED, type PageLayout } from "./page-layout";
import { type WrappedColumn, wrappedTableRow } from "./table-rows";

/** One invoice line as printed: a credit note's lines carry negative prices and amounts. */
export type InvoiceLinePaper = TaxedLine & {
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  totalMinor: number;
};

const LINE_COLUMNS: WrappedColumn[] = [
  { at: 0, width: 0.4 },
  { at: 0.49, width: 0.07, align: "right" },
  { at: 0.63, width: 0.13, align: "right" },
  { at: 0.76, width: 0.12, align: "right" },
  { at: 0.79, width: 0.1 },
  { at: 1, width: 0.12, align: "right" },
];

const SUMMARY_COLUMNS: WrappedColumn[] = [
  { at: 0, width: 0.58 },
  { at: 0.8, width: 0.18, align: "right" },
  { at: 1, width: 0.18, align: "right" },
];

const TOTAL_COLUMNS: WrappedColumn[] = [
  { at: 0.5, width: 0.3 },
  { at: 1, width: 0.3, align: "right" },
];

/**
 * The lines: description (with an exempt line's reason under it), quantity, unit price, discount,
 * tax and amount (net, or with tax when prices include it), the header again on each new page.
 */
export function invoiceLinesTable(
  layout: PageLayout,
  lines: InvoiceLinePaper[],
  options: { money: (minor: number) => string; pricesIncludeTax: boolean },
): void {
  const { money } = options;
  const header = () => {
    wrappedTableRow(
      layout,
      LINE_COLUMNS,
      [
        "Description",
        "Qty",
        "Unit price",
        "Discount",
        "Tax",
        options.pricesIncludeTax ? "Amount" : "Net amount",
      ],
      { bold: true, color: MUTED, size: 9 },
    );
    layout.rule({ gap: 2 });
  };
  layout.ensure(60);
  header();
  for (const line of lines) {
    // A discount takes off an invoice's line; on a credit note (negative prices) it gives back.
    const discount = line.unitPriceMinor < 0 ? line.discountMinor : -line.discountMinor;
    wrappedTableRow(
      layout,
      LINE_COLUMNS,
      [
        line.description,
        String(line.quantity),
        money(line.unitPriceMinor),
        line.discountMinor ? money(discount) : "—",
        taxColumnOf(line),
        money(options.pricesIncludeTax ? line.totalMinor : line.netMinor),
      ],
      {
        notes: [line.taxTreatment === "EXEMPT" ? exemptText(line.exemptReason) : null],
        onNewPage: header,
      },
    );
  }
  layout.rule({ gap: 2 });
}

/** The net amount and tax per rate (zero-rated and each exemption apart), then the totals. */
export function invoiceTotals(
  layout: PageLayout,
  options: {
    lines: TaxedLine[];
    money: (minor: number) => string;
    totals: { label: string; minor: number; bold?: boolean }[];
  },
): void {
  const { money } = options;
  const bands = taxBands(options.lines);
  layout.ensure(40 + bands.length * 14 + options.totals.length * 14);
  layout.space(6);
  wrappedTableRow(layout, SUMMARY_COLUMNS, ["Tax summary", "Net amount", "Tax"], {
    bold: true,
    color: MUTED,
    size: 9,
  });
  for (const band of bands)
    wrappedTableRow(layout, SUMMARY_COLUMNS, [band.label, money(band.netMinor), money(band.taxMinor)]);
  layout.space(8);
  for (const total of options.totals)
    wrappedTableRow(layout, TOTAL_COLUMNS, [total.label, money(total.minor)], {
      bold: total.bold,
      size: total.bold ? 10.5 : 9.5,
    });
}
