import type { CentralDb } from "../db/central";
import type { Clinic, Job, Prisma } from "../generated/central/client";
import { JOB_LABELS, type JobKind } from "../jobs/queue";

/**
 * What the consoles say beside a clinic's status: work under way (from its job), or why it is
 * stuck and what can be done. Plain values, so a row can go to the browser as it is.
 */
export type ClinicAttention =
  | {
      kind: "working";
      /** "being set up", "being deleted"… */
      label: string;
      step: string | null;
      /** Why the last attempt did not finish, while the job waits for (or runs) its next one. */
      retrying: string | null;
    }
  | { kind: "setup-failed"; step: string | null; reason: string; neverActive: boolean }
  | { kind: "delete-failed"; reason: string; neverActive: boolean };

type AttentionClinic = Pick<Clinic, "id" | "status" | "statusReason" | "provisioningStep" | "schemaVersion">;

/** The attention each clinic needs, by clinic id; clinics that need none are left out. */
export async function findClinicAttention(
  central: CentralDb,
  clinics: AttentionClinic[],
): Promise<Map<string, ClinicAttention>> {
  const jobs = await central.job.findMany({
    where: { clinicId: { in: clinics.map((clinic) => clinic.id) } },
    orderBy: { createdAt: "desc" },
  });
  const latest = new Map<string, Job>();
  for (const job of jobs) if (job.clinicId && !latest.has(job.clinicId)) latest.set(job.clinicId, job);
  const attention = new Map<string, ClinicAttention>();
  for (const clinic of clinics) {
    const found = attentionOf(clinic, latest.get(clinic.id) ?? null);
    if (found) attention.set(clinic.id, found);
  }
  return attention;
}

/** A clinic has at most one queued or running job, and it is its newest. */
function attentionOf(clinic: AttentionClinic, job: Job | null): ClinicAttention | null {
  if (job && (job.state === "QUEUED" || job.state === "RUNNING")) {
    return {
      kind: "working",
      label: JOB_LABELS[job.kind as JobKind] ?? "busy",
      step: job.kind === "provision-clinic" ? (job.step ?? clinic.provisioningStep) : job.step,
      retrying: job.lastError,
    };
  }
  // A set-up with no job left to finish it stopped too: the same Retry and Remove apply.
  if (clinic.status === "FAILED" || clinic.status === "PROVISIONING") {
    return {
      kind: "setup-failed",
      step: clinic.provisioningStep,
      reason: reasonOf(clinic) ?? job?.lastError ?? "The set-up stopped before it finished.",
      neverActive: clinic.schemaVersion === null,
    };
  }
  if (clinic.status === "DELETING") {
    return {
      kind: "delete-failed",
      reason: clinic.statusReason ?? job?.lastError ?? "Deleting stopped.",
      neverActive: clinic.schemaVersion === null,
    };
  }
  return null;
}

/** The row says "<step>: <reason>"; the console names the step itself, in words. */
function reasonOf(clinic: AttentionClinic): string | null {
  const reason = clinic.statusReason;
  if (!reason) return null;
  const prefix = `${clinic.provisioningStep ?? "registered"}: `;
  return reason.startsWith(prefix) ? reason.slice(prefix.length) : reason;
}

/**
 * The clinics someone should look at: failed set-ups, set-ups and deletions with no job under way,
 * and work whose last attempt failed and is being retried.
 */
export async function needsAttentionWhere(central: CentralDb): Promise<Prisma.ClinicWhereInput> {
  const active = await central.job.findMany({
    where: { clinicId: { not: null }, state: { in: ["QUEUED", "RUNNING"] } },
    select: { clinicId: true, lastError: true },
  });
  const busy = active.flatMap((job) => (job.clinicId ? [job.clinicId] : []));
  const retrying = active.flatMap((job) => (job.clinicId && job.lastError ? [job.clinicId] : []));
  return {
    OR: [
      { status: "FAILED" },
      { status: { in: ["DELETING", "PROVISIONING"] }, id: { notIn: busy } },
      { id: { in: retrying } },
    ],
  };
}
