import { taxText } from "@/components/billing/price-list/tax-text";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import type { InvoiceDetail } from "@/lib/billing/invoices/find-invoice";
import { formatMoney } from "@/lib/billing/money-input";
import { RemoveLineButton } from "./draft-actions";
import { EditLineButton } from "./edit-line-dialog";

type Line = InvoiceDetail["lines"][number];

/** The invoice's lines as the server worked them out; on a draft, billing edits or removes each. */
export function InvoiceLinesTable({
  lines,
  currency,
  editable,
}: {
  lines: Line[];
  currency: string;
  editable: boolean;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <Table caption="Invoice lines" stackOnPhone>
      <TableHead>
        <HeaderCell>Description</HeaderCell>
        <HeaderCell className="text-right">Qty</HeaderCell>
        <HeaderCell className="text-right">Unit price</HeaderCell>
        <HeaderCell className="text-right">Discount</HeaderCell>
        <HeaderCell>Tax</HeaderCell>
        <HeaderCell className="text-right">Tax amount</HeaderCell>
        <HeaderCell className="text-right">Total</HeaderCell>
        {editable ? <HeaderCell>Change</HeaderCell> : null}
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <tr key={line.id}>
            <Cell className="font-medium">{line.description}</Cell>
            <Cell className="tabular-nums sm:text-right">
              <span className="sm:hidden">Qty </span>
              {line.quantity} <span className="sm:hidden">× {money(line.unitPriceMinor)}</span>
            </Cell>
            <Cell className="text-right tabular-nums max-sm:hidden">{money(line.unitPriceMinor)}</Cell>
            <Cell className={line.discountMinor ? "tabular-nums sm:text-right" : "text-right max-sm:hidden"}>
              {line.discountMinor ? (
                <>
                  <span className="sm:hidden">Discount </span>
                  {money(line.discountMinor)}
                </>
              ) : (
                <span className="max-sm:hidden">–</span>
              )}
            </Cell>
            <Cell>{taxText(line)}</Cell>
            <Cell className="tabular-nums sm:text-right">
              <span className="sm:hidden">Tax </span>
              {money(line.taxMinor)}
            </Cell>
            <Cell className="font-semibold tabular-nums sm:text-right sm:font-normal">
              <span className="sm:hidden">Total </span>
              {money(line.totalMinor)}
            </Cell>
            {editable ? (
              <Cell>
                <div className="flex gap-2">
                  <EditLineButton line={line} currency={currency} />
                  <RemoveLineButton lineId={line.id} description={line.description} />
                </div>
              </Cell>
            ) : null}
          </tr>
        ))}
        {lines.length === 0 ? (
          <tr>
            <Cell colSpan={editable ? 8 : 7} className="text-slate-600">
              No lines yet: add one from the price list or as free text below.
            </Cell>
          </tr>
        ) : null}
      </TableBody>
    </Table>
  );
}
