import { Badge } from "@/components/ui/badge";
import { Cell, EmptyState, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { DISPLAY_MEASURES, type VitalsDisplayRow } from "@/lib/clinical/vital-display";
import { AGE_BAND_LABELS } from "@/lib/clinical/vital-flags";
import { MarkEnteredInError } from "./mark-entered-in-error";
import { VitalValue } from "./vital-value";

/**
 * Sets of vitals, newest first: each value as entered with its unit, flagged against the usual
 * range for the patient's age then; sets entered in error struck through with their reason.
 */
export function VitalsTable({
  rows,
  formatTakenAt,
  canMark,
  caption,
  empty,
}: {
  rows: VitalsDisplayRow[];
  formatTakenAt: (at: Date) => string;
  canMark: boolean;
  caption: string;
  empty: string;
}) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <Table caption={caption}>
      <TableHead>
        <HeaderCell>Taken</HeaderCell>
        {DISPLAY_MEASURES.map((measure) => (
          <HeaderCell key={measure.key}>{measure.label}</HeaderCell>
        ))}
        {canMark ? (
          <HeaderCell>
            <span className="sr-only">Actions</span>
          </HeaderCell>
        ) : null}
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const takenAt = formatTakenAt(row.takenAt);
          const struck = row.enteredInError ? "text-slate-500 line-through" : "";
          return (
            <tr key={row.id} className={row.enteredInError ? "bg-slate-50" : undefined}>
              <Cell className="whitespace-nowrap">
                <div className={struck}>{takenAt}</div>
                {row.enteredInError ? (
                  <div className="mt-1 flex flex-col items-start gap-1 no-underline">
                    <Badge tone="warning">Entered in error</Badge>
                    <span className="max-w-56 whitespace-normal text-xs text-slate-600">
                      {row.enteredInError.reason}
                    </span>
                  </div>
                ) : row.band !== "adult" ? (
                  <div className="text-xs text-slate-500">ranges for {AGE_BAND_LABELS[row.band]}</div>
                ) : null}
              </Cell>
              {DISPLAY_MEASURES.map((measure) => (
                <Cell key={measure.key} className={struck}>
                  <VitalValue
                    cell={row.enteredInError ? strip(row.cells[measure.key]) : row.cells[measure.key]}
                  />
                </Cell>
              ))}
              {canMark ? (
                <Cell className="text-right">
                  {row.enteredInError ? null : <MarkEnteredInError vitalsId={row.id} takenAt={takenAt} />}
                </Cell>
              ) : null}
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** A struck-through set keeps its values but not its flags: it no longer says anything about the patient. */
const strip = (cell: VitalsDisplayRow["cells"][keyof VitalsDisplayRow["cells"]]) =>
  cell ? { text: cell.text, flag: null } : undefined;
