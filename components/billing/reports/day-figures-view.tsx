import { formatMoney } from "@/lib/billing/money-input";
import { type DayFigures, PAYMENT_METHODS } from "@/lib/billing/reports/day-figures";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "../../ui/table";

const METHOD_LABELS = { CASH: "Cash", CARD: "Card", BANK_TRANSFER: "Bank transfer", OTHER: "Other" } as const;

/** Takings and refunds by method, the expected cash, the invoices issued and the credit applied. */
export function DayFiguresView({ figures, currency }: { figures: DayFigures; currency: string }) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="takings" className="flex flex-col gap-2">
        <h2 id="takings" className="text-base font-semibold">
          Takings
        </h2>
        <Table caption="Takings and refunds by payment method">
          <TableHead>
            <HeaderCell>Method</HeaderCell>
            <HeaderCell className="text-right">Taken</HeaderCell>
            <HeaderCell className="text-right">Refunded</HeaderCell>
            <HeaderCell className="text-right">Net</HeaderCell>
          </TableHead>
          <TableBody>
            {PAYMENT_METHODS.map((method) => (
              <tr key={method}>
                <Cell>{METHOD_LABELS[method]}</Cell>
                <Cell className="text-right tabular-nums">{money(figures.takingsByMethod[method])}</Cell>
                <Cell className="text-right tabular-nums">{money(figures.refundsByMethod[method])}</Cell>
                <Cell className="text-right tabular-nums">
                  {money(figures.takingsByMethod[method] - figures.refundsByMethod[method])}
                </Cell>
              </tr>
            ))}
            <tr className="font-semibold">
              <Cell>Total</Cell>
              <Cell className="text-right tabular-nums">{money(figures.takingsMinor)}</Cell>
              <Cell className="text-right tabular-nums">{money(figures.refundsMinor)}</Cell>
              <Cell className="text-right tabular-nums">
                {money(figures.takingsMinor - figures.refundsMinor)}
              </Cell>
            </tr>
          </TableBody>
        </Table>
        <p className="text-sm">
          Expected cash in the drawer (cash taken − cash refunded):{" "}
          <strong className="tabular-nums">{money(figures.expectedCashMinor)}</strong>
        </p>
      </section>

      <section aria-labelledby="issued" className="flex flex-col gap-2">
        <h2 id="issued" className="text-base font-semibold">
          Invoices issued
        </h2>
        {figures.invoices.length === 0 ? (
          <EmptyState>No invoice or credit note was issued here on this day.</EmptyState>
        ) : (
          <Table caption="Invoices issued on the day">
            <TableHead>
              <HeaderCell>Number</HeaderCell>
              <HeaderCell>Patient</HeaderCell>
              <HeaderCell className="text-right">Total</HeaderCell>
              <HeaderCell className="text-right">Paid</HeaderCell>
              <HeaderCell className="text-right">Credit applied</HeaderCell>
              <HeaderCell className="text-right">Balance</HeaderCell>
            </TableHead>
            <TableBody>
              {figures.invoices.map((invoice) => (
                <tr key={invoice.invoiceId}>
                  <Cell className="whitespace-nowrap">
                    {invoice.number}
                    {invoice.kind === "CREDIT_NOTE" ? " (credit note)" : invoice.voided ? " (voided)" : ""}
                  </Cell>
                  <Cell>{invoice.patientName}</Cell>
                  <Cell className="text-right tabular-nums">{money(invoice.totalMinor)}</Cell>
                  <Cell className="text-right tabular-nums">{money(invoice.paidMinor)}</Cell>
                  <Cell className="text-right tabular-nums">{money(invoice.creditAppliedMinor)}</Cell>
                  <Cell className="text-right tabular-nums">{money(invoice.balanceMinor)}</Cell>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="credit" className="flex flex-col gap-2">
        <h2 id="credit" className="text-base font-semibold">
          Credit applied (not takings)
        </h2>
        {figures.creditApplied.length === 0 ? (
          <EmptyState>No credit a patient already held was applied on this day.</EmptyState>
        ) : (
          <Table caption="Credit applied on the day">
            <TableHead>
              <HeaderCell>Invoice</HeaderCell>
              <HeaderCell>Patient</HeaderCell>
              <HeaderCell className="text-right">Amount</HeaderCell>
            </TableHead>
            <TableBody>
              {figures.creditApplied.map((row) => (
                <tr key={row.allocationId}>
                  <Cell>{row.invoiceNumber}</Cell>
                  <Cell>{row.patientName}</Cell>
                  <Cell className="text-right tabular-nums">{money(row.amountMinor)}</Cell>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
