// A process that restores one clinic, from a backup or to a moment, and can be killed at a chosen
// point: the crash tests, `npm run fault:restore` and `npm run fault:pitr` run it. Usage (env:
// TENANT_NAME_PREFIX, TENANT_SECRETS_KEY, and BACKUP_KEY, BACKUP_DIR or PITR_SCRATCH_DIR):
//   tsx lib/testing/restore-child.ts <centralUrl> <subdomain> <backupId | at=<ISO time>> [pause-at]
// A backup id queues "restore-clinic", at=<time> a point-in-time restore ("pitr-restore-clinic").
// pause-at is a step of that job (it waits forever as that step begins, once the job records it),
// "suspended" (within the swap: the live database just closed to new connections) or "swapped"
// (right after the renames' COMMIT, before anything else). It prints "job <id>",
// "step <name>" as each step begins, and "paused <point>" before waiting.
import pg from "pg";
import { RESTORE_STEPS } from "../backups/backup-service";
import { restoreClinicHandler } from "../backups/restore-job";
import { createCentralClient } from "../db/central";
import { enqueueJob } from "../jobs/queue";
import { type JobHandler, JobRunner } from "../jobs/runner";
import { PITR_STEPS, pitrRestoreHandler } from "../pitr/pitr-job";

const [centralUrl, subdomain, source, pauseAt] = process.argv.slice(2);
if (!centralUrl || !subdomain || !source) {
  console.error("usage: restore-child.ts <centralUrl> <subdomain> <backupId | at=<ISO time>> [pause-at]");
  process.exit(2);
}
const at = source.startsWith("at=") ? source.slice(3) : undefined;
const pausePoints: readonly string[] = [...(at ? PITR_STEPS : RESTORE_STEPS), "suspended", "swapped"];
if (pauseAt && !pausePoints.includes(pauseAt)) {
  console.error(`pause-at must be one of: ${pausePoints.join(", ")}`);
  process.exit(2);
}

const pause = async (point: string) => {
  process.stdout.write(`paused ${point}\n`);
  await new Promise(() => {});
};

if (pauseAt === "suspended" || pauseAt === "swapped") pauseWithinSwap(pauseAt);

const central = createCentralClient(centralUrl, 2);
const clinic = await central.clinic.findUniqueOrThrow({ where: { subdomain } });
const kind = at ? "pitr-restore-clinic" : "restore-clinic";
const job = await central.$transaction((tx) =>
  enqueueJob(tx, {
    kind,
    clinicId: clinic.id,
    payload: at ? { at } : { backupId: source },
    maxAttempts: 3,
  }),
);
process.stdout.write(`job ${job.id}\n`);
const handler = at
  ? pitrRestoreHandler({ central, env: process.env })
  : restoreClinicHandler({ env: process.env });
const runner = new JobRunner({ central, centralUrl, handlers: { [kind]: pausing(handler) } });
await runner.runUntilDone(job.id);
process.stdout.write("done\n");
await central.$disconnect();
/** The handler with each step announced, and held at `pauseAt` once the job row shows it. */
function pausing(handler: JobHandler): JobHandler {
  return {
    ...handler,
    run: (ctx) =>
      handler.run({
        ...ctx,
        step: async (name) => {
          await ctx.step(name);
          process.stdout.write(`step ${name}\n`);
          if (name === pauseAt) await pause(name);
        },
      }),
  };
}

/**
 * Holds the swap once a statement of it is done: "suspended" after ALLOW_CONNECTIONS false,
 * "swapped" after the COMMIT that follows the renames on the same client. Only this process's pg.
 */
function pauseWithinSwap(point: "suspended" | "swapped"): void {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const renamed = new WeakSet<object>();
  const patched = async function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === "string" ? args[0] : "";
    const result = await original.apply(this, args);
    if (/^ALTER DATABASE .* RENAME TO /.test(text)) renamed.add(this);
    if (point === "suspended" && / WITH ALLOW_CONNECTIONS false$/.test(text)) await pause(point);
    if (point === "swapped" && text === "COMMIT" && renamed.has(this)) await pause(point);
    return result;
  };
  pg.Client.prototype.query = patched as typeof pg.Client.prototype.query;
}
