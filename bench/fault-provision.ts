// npm run fault:provision [-- --kills 12]: clinics are set up by processes that are killed (SIGKILL)
// at each provisioning step in turn, and at random moments; a job worker in this process must take
// every set-up back and finish it. Prints, per kill, how long until the death was noticed and the
// clinic was active, then the attempts that overlapped and the databases and roles left over.
import os from "node:os";
import { parseArgs } from "node:util";
import { JobRunner } from "../lib/jobs/runner";
import { JobWorker } from "../lib/jobs/worker";
import { PROVISIONING_STEPS } from "../lib/tenancy/clinic-database-service";
import { withAdminClient } from "../lib/tenancy/clinic-schema";
import { platformJobHandlers } from "../lib/tenancy/job-worker";
import { runScriptProcess } from "../lib/testing/child-process";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, startBenchServer } from "./lib/bench-server";

const { values } = parseArgs({ options: { kills: { type: "string", default: "12" } } });
const kills = Number(values.kills);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");
const REAP_MS = 2_000;

const server = await startBenchServer();
const platform = await createPlatformFixture(server.adminUrl, { label: "fault" });
const runner = new JobRunner({
  central: platform.central,
  centralUrl: platform.centralUrl,
  handlers: platformJobHandlers({ central: platform.central, env: platform.env }),
});
const worker = new JobWorker(runner, {
  centralUrl: platform.centralUrl,
  reapMs: REAP_MS,
  pollMs: 500,
  log: () => {},
});
console.log(`fault:provision on ${server.kind}; ${machineLine()}; load ${os.loadavg()[0]?.toFixed(1)}`);
console.log(`worker in this process: reaper every ${REAP_MS / 1000} s; ${kills} kills\n`);

type Row = { clinic: string; killedAt: string; detectedMs: number; activeMs: number; status: string };
const rows: Row[] = [];
const steps = PROVISIONING_STEPS.filter((step) => step !== "registered");
let lastKill = 0;
try {
  await worker.start();
  for (let i = 0; i < kills; i++) {
    // Even rounds pause at a step's start; odd rounds die at a random moment within the set-up.
    const atStep = i % 2 === 0 ? steps[(i / 2) % steps.length] : undefined;
    const subdomain = `fault-${i}`;
    const child = runScriptProcess(
      "lib/testing/provision-child.ts",
      [platform.centralUrl, subdomain, platform.owner.id, ...(atStep ? [atStep] : [])],
      platform.env,
    );
    await child.waitForLine(/^job /);
    if (atStep) await child.waitForLine(new RegExp(`^paused ${atStep}$`));
    else await new Promise((resolve) => setTimeout(resolve, Math.random() * 1_500));
    const reached = [...child.output().matchAll(/^step (\w+)$/gm)].at(-1)?.[1] ?? "registered";
    const killed = Date.now();
    await child.killHard();
    lastKill = Date.now();
    const row = await followClinic(subdomain, killed);
    rows.push({ ...row, killedAt: atStep ? `start of ${atStep}` : `random (in ${reached})` });
    console.log(
      `  ${subdomain.padEnd(9)} killed at ${rows.at(-1)?.killedAt.padEnd(24)} death noticed ${seconds(row.detectedMs)}, ${row.status.toLowerCase()} after ${seconds(row.activeMs)}`,
    );
  }
  const wait = Math.max(0, lastKill + 30_000 - Date.now());
  console.log(`\nwaiting ${Math.round(wait / 1000)} s (30 s after the last kill) before counting leftovers`);
  await new Promise((resolve) => setTimeout(resolve, wait));
  const overlaps = await countOverlappingAttempts();
  const leftovers = await countLeftovers();
  // A process killed before it claimed its job left no attempt to notice: the worker took the job
  // once its caller's reservation ran out.
  const detected = rows.map((row) => row.detectedMs).filter((ms) => !Number.isNaN(ms));
  const active = rows.map((row) => row.activeMs);
  console.log("\n| measure | median | max | target |\n| --- | --- | --- | --- |");
  console.log(
    `| death noticed after the kill | ${seconds(median(detected))} | ${seconds(Math.max(...detected))} | ≤ 15 s |`,
  );
  console.log(
    `| clinic active after the kill | ${seconds(median(active))} | ${seconds(Math.max(...active))} | ≤ 60 s |`,
  );
  console.log(`\nclinics active: ${rows.filter((row) => row.status === "ACTIVE").length} of ${rows.length}`);
  console.log(`overlapping attempts (job_attempts): ${overlaps}`);
  console.log(
    `orphan databases: ${leftovers.databases}, orphan roles: ${leftovers.roles} (30 s after the last kill)`,
  );
} finally {
  await worker.stop(5_000);
  await platform.cleanup();
  await server.stop();
}

/** Until the clinic is ACTIVE or FAILED: when its first attempt was marked DIED, and when it ended. */
async function followClinic(subdomain: string, killed: number) {
  const deadline = killed + 120_000;
  let detectedMs = Number.NaN;
  for (;;) {
    const clinic = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain } });
    if (Number.isNaN(detectedMs)) {
      const died = await platform.central.jobAttempt.findFirst({
        where: { state: "DIED", job: { clinicId: clinic.id } },
      });
      if (died?.endedAt) detectedMs = died.endedAt.getTime() - killed;
    }
    if (clinic.status === "ACTIVE" || clinic.status === "FAILED" || Date.now() > deadline) {
      return { clinic: subdomain, detectedMs, activeMs: Date.now() - killed, status: clinic.status };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Pairs of attempts of one job whose running times overlapped (there must be none). */
async function countOverlappingAttempts(): Promise<number> {
  const rows = await platform.central.$queryRaw<{ overlaps: number }[]>`
    SELECT count(*)::int AS overlaps FROM job_attempts a JOIN job_attempts b
      ON a.job_id = b.job_id AND a.number < b.number
     WHERE b.started_at < coalesce(a.ended_at, now())`;
  return rows[0]?.overlaps ?? 0;
}

/** Databases and roles of this platform's prefix that belong to no ACTIVE clinic. */
async function countLeftovers(): Promise<{ databases: number; roles: number }> {
  const clinics = await platform.central.clinic.findMany({ where: { status: "ACTIVE" } });
  const ownDatabases = new Set(clinics.map((clinic) => clinic.databaseName));
  const ownRoles = new Set(clinics.map((clinic) => clinic.roleName));
  return withAdminClient(platform.server, "postgres", async (admin) => {
    const pattern = `${platform.prefix}clinic\\_%`;
    const databases = await admin.query<{ name: string }>(
      "SELECT datname AS name FROM pg_database WHERE datname LIKE $1 AND datname <> $2",
      [pattern, `${platform.prefix}clinic_template_db`],
    );
    const roles = await admin.query<{ name: string }>(
      "SELECT rolname AS name FROM pg_roles WHERE rolname LIKE $1",
      [pattern],
    );
    return {
      databases: databases.rows.filter((row) => !ownDatabases.has(row.name)).length,
      roles: roles.rows.filter((row) => !ownRoles.has(row.name)).length,
    };
  });
}

function seconds(ms: number): string {
  if (Number.isNaN(ms)) return "— (no attempt died: done before the kill, or not yet claimed)";
  return `${(ms / 1000).toFixed(1)} s`;
}
