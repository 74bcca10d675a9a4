import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ClinicDate } from "@/components/ui/clinic-clock";
import type { PrescribedItem, ReportedItem } from "./medication-items";

function Row({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <li className="flex flex-col gap-3 px-4 py-3 text-sm sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 flex-1 flex-col gap-1">{children}</div>
      {actions ? <div className="shrink-0">{actions}</div> : null}
    </li>
  );
}

const dated = (day: string | null) => (day ? <ClinicDate date={day} /> : "an unknown day");

/** The RX number, linking to its prescription. */
function PrescriptionLink({ item }: { item: PrescribedItem }) {
  return (
    <Link
      href={`/prescriptions/${item.prescriptionId}`}
      className="font-mono font-medium text-brand-700 underline underline-offset-2"
    >
      {item.number ?? "Prescription"}
    </Link>
  );
}

/** A prescribed medication: what, how to take it, who prescribed it when, until when, and its prescription. */
export function PrescribedRow({
  item,
  actions,
  outcome,
}: {
  item: PrescribedItem;
  actions?: ReactNode;
  /** For a past one: what became of it. */
  outcome?: ReactNode;
}) {
  return (
    <Row actions={actions}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">{item.title}</span>
        <PrescriptionLink item={item} />
      </div>
      <p className="text-slate-800">{item.directions}</p>
      {item.instructions ? <p className="text-slate-600">{item.instructions}</p> : null}
      <p className="text-slate-600">
        Prescribed {dated(item.prescribedOn)} by {item.prescriberName} ·{" "}
        {item.endsOn ? <>ends {dated(item.endsOn)}</> : "ongoing"} · {item.refills}
      </p>
      {outcome}
    </Row>
  );
}

/** A medicine the patient reports taking: as they describe it, and who recorded it when. */
export function ReportedRow({
  item,
  actions,
  outcome,
}: {
  item: ReportedItem;
  actions?: ReactNode;
  outcome?: ReactNode;
}) {
  return (
    <Row actions={actions}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">{item.name}</span>
        <Badge>Reported by patient</Badge>
      </div>
      {item.details ? <p className="text-slate-800">{item.details}</p> : null}
      {item.note ? <p className="whitespace-pre-line text-slate-600">{item.note}</p> : null}
      <p className="text-slate-600">
        Recorded {dated(item.recordedOn)} by {item.recordedByName}
      </p>
      {outcome}
    </Row>
  );
}

const OUTCOME_TONE = {
  COMPLETED: "success",
  STOPPED: "warning",
  CANCELLED: "neutral",
  ENTERED_IN_ERROR: "danger",
} as const;

/** What became of a past prescribed medication, in words. */
export function PrescribedOutcome({ item }: { item: PrescribedItem }) {
  const on = dated(item.changedOn);
  const by = item.changedByName ? ` by ${item.changedByName}` : "";
  const reason = item.statusReason ? `: ${item.statusReason}` : "";
  const words =
    item.status === "COMPLETED" ? (
      item.changedByName ? (
        <>
          Completed on {on}
          {by}
        </>
      ) : (
        <>Completed automatically on {on}, at the end of its course</>
      )
    ) : item.status === "STOPPED" ? (
      <>
        Stopped on {on}
        {by}
        {reason}
      </>
    ) : item.status === "CANCELLED" ? (
      <>
        Cancelled on {on}
        {by}
        {reason}
      </>
    ) : (
      <>
        Entered in error on {on}
        {by}
        {reason}
      </>
    );
  return (
    <p className="flex flex-wrap items-center gap-2 text-slate-700">
      <Badge
        tone={
          item.status in OUTCOME_TONE ? OUTCOME_TONE[item.status as keyof typeof OUTCOME_TONE] : "neutral"
        }
      >
        {item.status === "ENTERED_IN_ERROR"
          ? "Entered in error"
          : item.status.charAt(0) + item.status.slice(1).toLowerCase()}
      </Badge>
      <span>{words}</span>
    </p>
  );
}

/** What became of a past reported medication. */
export function ReportedOutcome({ item }: { item: ReportedItem }) {
  const reason = item.statusReason ? `: ${item.statusReason}` : "";
  return (
    <p className="flex flex-wrap items-center gap-2 text-slate-700">
      <Badge tone={item.status === "STOPPED" ? "warning" : "danger"}>
        {item.status === "STOPPED" ? "Stopped" : "Entered in error"}
      </Badge>
      <span>
        {item.status === "STOPPED" ? "Stopped" : "Entered in error"} on {dated(item.changedOn)}
        {reason}
      </span>
    </p>
  );
}
