import type { Actor } from "../auth/actor";
import type { CentralDb } from "../db/central";
import { recordCentralAudit } from "../db/central-audit";
import type { Prisma } from "../generated/central/client";
import type { ClinicOutcome } from "./fleet-clinic";

/**
 * Opens a run with one result row per clinic: the ones already at the target are done (UP_TO_DATE,
 * not touched), the rest PENDING until they land, so a dashboard can follow the run. A run a
 * person started (the dashboard's) is audited in the same transaction.
 */
export async function startFleetRun(
  central: CentralDb,
  run: { target: string; options: Prisma.InputJsonObject; pending: string[]; upToDate: string[] },
  startedBy?: Actor,
): Promise<string> {
  const finishedAt = new Date();
  return central.$transaction(async (tx) => {
    const created = await createRun(tx, run, finishedAt);
    if (startedBy)
      await recordCentralAudit(tx, {
        actor: startedBy,
        action: "fleet.rollout-started",
        target: { type: "fleet-run", id: created.id },
      });
    return created.id;
  });
}

function createRun(
  tx: Prisma.TransactionClient,
  run: { target: string; options: Prisma.InputJsonObject; pending: string[]; upToDate: string[] },
  finishedAt: Date,
) {
  return tx.fleetRun.create({
    data: {
      targetVersion: run.target,
      options: run.options,
      total: run.pending.length + run.upToDate.length,
      upToDate: run.upToDate.length,
      results: {
        createMany: {
          data: [
            ...run.upToDate.map((clinicId) => ({
              clinicId,
              status: "UP_TO_DATE" as const,
              durationMs: 0,
              finishedAt,
            })),
            ...run.pending.map((clinicId) => ({ clinicId })),
          ],
        },
      },
    },
    select: { id: true },
  });
}

/**
 * Saves one clinic's outcome the moment it lands: its result row, its schema version, the run's
 * counts. A clinic whose database needed nothing counts as up to date, not as migrated.
 */
export async function recordClinicOutcome(
  central: CentralDb,
  landed: { runId: string; clinicId: string; target: string; outcome: ClinicOutcome; durationMs: number },
): Promise<void> {
  const { runId, clinicId, target, outcome, durationMs } = landed;
  const finishedAt = new Date();
  const failed = outcome.error !== undefined;
  const status = failed ? "FAILED" : outcome.applied.length > 0 ? "SUCCEEDED" : "UP_TO_DATE";
  const counter = { FAILED: "failed", SUCCEEDED: "succeeded", UP_TO_DATE: "upToDate" } as const;
  await central.$transaction([
    central.fleetRunResult.update({
      where: { runId_clinicId: { runId, clinicId } },
      data: {
        status,
        applied: outcome.applied,
        error: outcome.error ?? null,
        durationMs,
        finishedAt,
      },
    }),
    central.clinic.update({
      where: { id: clinicId },
      data: failed
        ? { lastMigrationAt: finishedAt, lastMigrationError: outcome.error }
        : { schemaVersion: target, lastMigrationAt: finishedAt, lastMigrationError: null },
    }),
    central.fleetRun.update({
      where: { id: runId },
      data: { [counter[status]]: { increment: 1 } },
    }),
  ]);
}

/** Closes a run; clinics it never reached (after a failed canary) become SKIPPED. */
export async function finishFleetRun(
  central: CentralDb,
  runId: string,
  end: { failed: boolean; error?: string },
): Promise<void> {
  const finishedAt = new Date();
  await central.$transaction([
    central.fleetRunResult.updateMany({
      where: { runId, status: "PENDING" },
      data: { status: "SKIPPED", finishedAt },
    }),
    central.fleetRun.update({
      where: { id: runId },
      data: { status: end.failed ? "FAILED" : "SUCCEEDED", error: end.error ?? null, finishedAt },
    }),
  ]);
}
