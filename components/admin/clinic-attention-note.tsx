import type { ClinicAttention } from "@/lib/admin/clinic-attention";

// Each provisioning step as what was being done, for "Set-up stopped while …".
const STEP_ACTIVITIES: Record<string, string> = {
  registered: "reserving the address",
  role: "creating the clinic's database account",
  database: "creating the clinic's database",
  access: "locking the database to the clinic alone",
  migrations: "setting up the clinic's tables",
  seed: "adding the first location and the owner's account",
  active: "opening the clinic",
};

const activityOf = (step: string | null) => STEP_ACTIVITIES[step ?? "registered"] ?? step ?? "starting";

/**
 * What a console says under a clinic's status: the step under way, that a failed attempt is being
 * retried on its own, or why the clinic is stuck. Both consoles show the same words.
 */
export function ClinicAttentionNote({ attention }: { attention: ClinicAttention }) {
  switch (attention.kind) {
    case "working":
      return attention.retrying ? (
        <span className="flex max-w-64 flex-col gap-1 text-xs text-amber-900">
          <span>Stopped while {activityOf(attention.step)}; it is being retried automatically.</span>
          <span>Last attempt: {attention.retrying}</span>
        </span>
      ) : (
        <span className="max-w-64 text-xs text-slate-600">
          {attention.step ? `Now ${activityOf(attention.step)}…` : "Waiting to start…"}
        </span>
      );
    case "setup-failed":
      return (
        <span className="max-w-64 text-xs text-red-800">
          Set-up stopped while {activityOf(attention.step)}: {attention.reason}
        </span>
      );
    case "delete-failed":
      return <span className="max-w-64 text-xs text-red-800">Deleting stopped: {attention.reason}</span>;
  }
}
