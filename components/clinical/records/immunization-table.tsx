import { Badge } from "@/components/ui/badge";
import { ClinicDate } from "@/components/ui/clinic-clock";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { markImmunizationEnteredInErrorAction } from "@/lib/actions/immunizations/mark-immunization-entered-in-error";
import type { ImmunizationRow } from "@/lib/clinical/immunizations";
import { IMMUNIZATION_ROUTES, IMMUNIZATION_SITES } from "@/lib/validations/immunizations";
import { EnteredInErrorButton } from "./entered-in-error-button";

export const siteLabel = (code: string | null) =>
  IMMUNIZATION_SITES.find((site) => site.value === code)?.label ?? code ?? "—";
export const routeLabel = (code: string | null) =>
  IMMUNIZATION_ROUTES.find((route) => route.value === code)?.label.replace(/ \(.*\)$/, "") ?? code ?? "—";

/** A patient's immunizations, newest first; rows entered in error are struck through when shown. */
export function ImmunizationTable({ rows, canManage }: { rows: ImmunizationRow[]; canManage: boolean }) {
  if (rows.length === 0)
    return (
      <EmptyState>
        No immunizations recorded yet.
        {canManage ? " Record one with the form below, including those given elsewhere." : ""}
      </EmptyState>
    );
  return (
    <Table caption="Immunizations" stackOnPhone>
      <TableHead>
        <HeaderCell>Date given</HeaderCell>
        <HeaderCell>Vaccine</HeaderCell>
        <HeaderCell>Dose</HeaderCell>
        <HeaderCell>Lot · expiry</HeaderCell>
        <HeaderCell>Site · route</HeaderCell>
        <HeaderCell>Given by</HeaderCell>
        {canManage ? <HeaderCell className="sr-only">Actions</HeaderCell> : null}
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <tr key={row.id} className={row.enteredInErrorAt ? "text-slate-500" : undefined}>
            <Cell>
              <ClinicDate date={row.givenOn} />
            </Cell>
            <Cell className="font-medium text-slate-900">
              <span className={row.enteredInErrorAt ? "line-through" : undefined}>{row.vaccine}</span>
              {row.enteredInErrorAt ? (
                <span className="mt-1 block">
                  <Badge tone="danger">Entered in error</Badge>{" "}
                  <span className="text-xs">{row.enteredInErrorReason}</span>
                </span>
              ) : null}
            </Cell>
            <Cell>{row.doseNumber ? `Dose ${row.doseNumber}` : "—"}</Cell>
            <Cell>
              {row.lotNumber ?? "—"}
              {row.expiryDate ? (
                <span className="block text-xs text-slate-600">
                  expires <ClinicDate date={row.expiryDate} />
                </span>
              ) : null}
            </Cell>
            <Cell>
              {siteLabel(row.site)}
              <span className="block text-xs text-slate-600">{routeLabel(row.route)}</span>
            </Cell>
            <Cell>
              {row.givenBy ?? "—"}
              {row.givenHere ? null : <span className="block text-xs text-slate-600">elsewhere</span>}
            </Cell>
            {canManage ? (
              <Cell className="text-right">
                {row.enteredInErrorAt ? null : (
                  <EnteredInErrorButton
                    what="this immunization"
                    input={{ immunizationId: row.id }}
                    action={markImmunizationEnteredInErrorAction}
                  />
                )}
              </Cell>
            ) : null}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
