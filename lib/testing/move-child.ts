// A process that moves one clinic to another server and can be killed at a chosen point:
// `npm run fault:move` runs it. Usage (env: TENANT_NAME_PREFIX, TENANT_SECRETS_KEY):
//   tsx lib/testing/move-child.ts <centralUrl> <subdomain> <toServer> [pause-at]
// pause-at is a step of either method (it waits forever as that step begins, once the job records it), or,
// within the cut-over, "closed" (the source database just closed to new connections) or "fenced"
// (the clinic's role just made NOLOGIN on the source, before the central row is switched). It
// prints "job <id>", "step <name>" as each step begins, "paused <point>" before waiting, "done".
import pg from "pg";
import { createCentralClient } from "../db/central";
import { enqueueJob } from "../jobs/queue";
import { JobRunner } from "../jobs/runner";
import { moveClinicHandler } from "../moves/move-job";
import { MOVE_STEPS } from "../moves/move-plan";

const pausePoints: readonly string[] = [...MOVE_STEPS.replication, ...MOVE_STEPS.backup, "closed", "fenced"];

const [centralUrl, subdomain, toServer, pauseAt] = process.argv.slice(2);
if (!centralUrl || !subdomain || !toServer) {
  console.error("usage: move-child.ts <centralUrl> <subdomain> <toServer> [pause-at]");
  process.exit(2);
}
if (pauseAt && !pausePoints.includes(pauseAt)) {
  console.error(`pause-at must be one of: ${pausePoints.join(", ")}`);
  process.exit(2);
}

let current = "";
const pause = async (point: string) => {
  process.stdout.write(`paused ${point}\n`);
  await new Promise(() => {});
};
if (pauseAt === "closed" || pauseAt === "fenced") pauseWithinCutover(pauseAt);

const central = createCentralClient(centralUrl, 2);
const clinic = await central.clinic.findUniqueOrThrow({ where: { subdomain } });
const target = await central.databaseServer.findUniqueOrThrow({ where: { name: toServer } });
const job = await central.$transaction((tx) =>
  enqueueJob(tx, {
    kind: "move-clinic",
    clinicId: clinic.id,
    payload: { sourceServerId: clinic.databaseServerId, targetServerId: target.id },
    maxAttempts: 3,
  }),
);
process.stdout.write(`job ${job.id}\n`);
const handler = moveClinicHandler({
  central,
  env: process.env,
  onMoveStep: async (step, detail) => {
    if (detail) return;
    current = step;
    process.stdout.write(`step ${step}\n`);
    if (step === pauseAt) await pause(step);
  },
});
await new JobRunner({ central, centralUrl, handlers: { "move-clinic": handler } }).runUntilDone(job.id);
process.stdout.write("done\n");
await central.$disconnect();

/**
 * Holds the cut-over once a statement of it is done: "closed" after the source's ALLOW_CONNECTIONS
 * false, "fenced" after its ALTER ROLE … NOLOGIN (both only during the cutover step; this process's pg).
 */
function pauseWithinCutover(point: "closed" | "fenced"): void {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const statement = point === "closed" ? / WITH ALLOW_CONNECTIONS false$/ : /^ALTER ROLE .* NOLOGIN$/;
  const patched = async function (this: pg.Client, ...args: unknown[]) {
    const result = await original.apply(this, args);
    const text = typeof args[0] === "string" ? args[0] : "";
    if (current === "cutover" && statement.test(text)) await pause(point);
    return result;
  };
  pg.Client.prototype.query = patched as typeof pg.Client.prototype.query;
}
