import Link from "next/link";
import { formatMoney } from "@/lib/billing/money-input";
import type { OutstandingRow } from "@/lib/billing/reports/outstanding";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "../../ui/table";

/** One row per patient who owes: the total, what is 0–30, 31–60, 61–90 and over 90 days old. */
export function OutstandingTable(props: {
  rows: OutstandingRow[];
  currency: string;
  statementHref: (patientId: string) => string;
}) {
  const money = (minor: number) => formatMoney(minor, props.currency);
  const amount = (minor: number) => (
    <span className={minor === 0 ? "text-slate-400" : undefined}>{money(minor)}</span>
  );
  return (
    <Table caption="Patients with an outstanding balance">
      <TableHead>
        <HeaderCell>Patient</HeaderCell>
        <HeaderCell className="text-right">Owed</HeaderCell>
        <HeaderCell className="text-right">0–30 days</HeaderCell>
        <HeaderCell className="text-right">31–60</HeaderCell>
        <HeaderCell className="text-right">61–90</HeaderCell>
        <HeaderCell className="text-right">Over 90</HeaderCell>
        <HeaderCell className="text-right">Oldest</HeaderCell>
        <HeaderCell>
          <span className="sr-only">Statement</span>
        </HeaderCell>
      </TableHead>
      <TableBody>
        {props.rows.map((row) => (
          <tr key={row.patientId}>
            <Cell>
              <Link href={`/patients/${row.patientId}`} className="font-medium text-brand-700 underline">
                {row.patientName}
              </Link>
              <span className="block text-xs text-slate-600">
                {row.mrn} · {row.invoiceCount} {row.invoiceCount === 1 ? "invoice" : "invoices"}
              </span>
            </Cell>
            <Cell className="text-right font-semibold tabular-nums">{money(row.owedMinor)}</Cell>
            <Cell className="text-right tabular-nums">{amount(row.days0to30Minor)}</Cell>
            <Cell className="text-right tabular-nums">{amount(row.days31to60Minor)}</Cell>
            <Cell className="text-right tabular-nums">{amount(row.days61to90Minor)}</Cell>
            <Cell className="text-right tabular-nums">{amount(row.days91plusMinor)}</Cell>
            <Cell className="text-right whitespace-nowrap tabular-nums">
              {row.oldestDays} {row.oldestDays === 1 ? "day" : "days"}
            </Cell>
            <Cell>
              <a
                href={props.statementHref(row.patientId)}
                target="_blank"
                rel="noopener"
                className="text-brand-700 underline whitespace-nowrap"
              >
                Statement
              </a>
            </Cell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
