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
  past = false,
}: {
  item: PrescribedItem;
  actions?: ReactNode;
  /** A past one says what became of it instead of when it ends. */
  past?: boolean;
}) {
  return (
    <Row actions={actions}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">{item.title}</span>
        <PrescriptionLink item={item} />
        {past ? <OutcomeBadge status={item.status} /> : null}
      </div>
      <p className="text-slate-800">{item.directions}</p>
      {item.instructions ? <p className="text-slate-600">{item.instructions}</p> : null}
      <p className="text-slate-600">
        Prescribed {dated(item.prescribedOn)} by {item.prescriberName}
        {past ? null : <> · {item.endsOn ? <>ends {dated(item.endsOn)}</> : "ongoing"}</>} · {item.refills}
      </p>
      {past ? <PrescribedOutcome item={item} /> : null}
    </Row>
  );
}

/** A medicine the patient reports taking: as they describe it, and who recorded it when. */
export function ReportedRow({
  item,
  actions,
  past = false,
}: {
  item: ReportedItem;
  actions?: ReactNode;
  past?: boolean;
}) {
  return (
    <Row actions={actions}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">{item.name}</span>
        <Badge>Reported by patient</Badge>
        {past ? <OutcomeBadge status={item.status} /> : null}
      </div>
      {item.details ? <p className="text-slate-800">{item.details}</p> : null}
      {item.note ? <p className="whitespace-pre-line text-slate-600">{item.note}</p> : null}
      <p className="text-slate-600">
        Recorded {dated(item.recordedOn)} by {item.recordedByName}
      </p>
      {past ? <ReportedOutcome item={item} /> : null}
    </Row>
  );
}

const OUTCOME: Record<string, { tone: "success" | "warning" | "neutral" | "danger"; label: string }> = {
  COMPLETED: { tone: "success", label: "Completed" },
  STOPPED: { tone: "warning", label: "Stopped" },
  CANCELLED: { tone: "neutral", label: "Cancelled" },
  ENTERED_IN_ERROR: { tone: "danger", label: "Entered in error" },
};

function OutcomeBadge({ status }: { status: string }) {
  const outcome = OUTCOME[status];
  return outcome ? <Badge tone={outcome.tone}>{outcome.label}</Badge> : null;
}

/** What became of a past prescribed medication, in words. */
function PrescribedOutcome({ item }: { item: PrescribedItem }) {
  const on = dated(item.changedOn);
  const by = item.changedByName ? ` by ${item.changedByName}` : "";
  const reason = item.statusReason ? `: ${item.statusReason}` : "";
  const what =
    item.status === "COMPLETED" && !item.changedByName ? null : (OUTCOME[item.status]?.label ?? "Changed");
  return (
    <p className="text-slate-700">
      {what ? (
        <>
          {what} on {on}
          {by}
          {reason}
        </>
      ) : (
        <>Completed automatically on {on}, at the end of its course</>
      )}
    </p>
  );
}

/** What became of a past reported medication. */
function ReportedOutcome({ item }: { item: ReportedItem }) {
  return (
    <p className="text-slate-700">
      {OUTCOME[item.status]?.label ?? "Changed"} on {dated(item.changedOn)}
      {item.statusReason ? `: ${item.statusReason}` : ""}
    </p>
  );
}
