"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { removeAvailabilityOverrideAction } from "@/lib/actions/doctors/remove-availability-override";

export type OverrideRow = {
  id: string;
  /** "Mon 3 Mar 2026" */
  dateLabel: string;
  kind: "TIME_OFF" | "EXTRA_HOURS";
  /** "whole day" or "13:00–15:00", with " at <location>" for extra hours. */
  when: string;
  reason: string | null;
};

/** The doctor's coming time off and extra hours; managers can remove an entry. */
export function AvailabilityOverrides({
  overrides,
  canManage,
}: {
  overrides: OverrideRow[];
  canManage: boolean;
}) {
  const remove = useActionCall(
    (override: OverrideRow) => removeAvailabilityOverrideAction({ overrideId: override.id }),
    {
      success: (_, override) =>
        `Removed the ${override.kind === "TIME_OFF" ? "time off" : "extra hours"} on ${override.dateLabel}.`,
    },
  );

  if (overrides.length === 0)
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-700">
        No time off or extra hours coming up.{canManage ? " Add them below." : ""}
      </p>
    );
  return (
    <ul className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
      {overrides.map((override) => (
        <li key={override.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium whitespace-nowrap">{override.dateLabel}</span>
            <Badge tone={override.kind === "TIME_OFF" ? "warning" : "success"}>
              {override.kind === "TIME_OFF" ? "Time off" : "Extra hours"}
            </Badge>
            <span>{override.when}</span>
            {override.reason ? <span className="text-slate-600">· {override.reason}</span> : null}
          </span>
          {canManage ? (
            <Button variant="ghost" size="sm" disabled={remove.pending} onClick={() => remove.call(override)}>
              Remove<span className="sr-only"> the entry on {override.dateLabel}</span>
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
