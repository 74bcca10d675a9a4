// npm run fault:fleet [-- --clinics 40 --rounds 3]: a schema rollout over many clinics is killed
// (SIGKILL) part-way, round after round, each round with a new migration; a job worker in this
// process must take the rollout back and finish it. Then every clinic database is checked: a
// migration's table exists exactly when its _prisma_migrations row is finished (none half-migrated),
// and every clinic is at the target with no error recorded.
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SCHEMA_LOCATIONS } from "../lib/db/migrations";
import { JobRunner } from "../lib/jobs/runner";
import { JobWorker } from "../lib/jobs/worker";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { withAdminClient } from "../lib/tenancy/clinic-schema";
import { platformJobHandlers } from "../lib/tenancy/job-worker";
import { runScriptProcess } from "../lib/testing/child-process";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, startBenchServer } from "./lib/bench-server";

const { values } = parseArgs({
  options: { clinics: { type: "string", default: "40" }, rounds: { type: "string", default: "3" } },
});
const clinicCount = Number(values.clinics);
const rounds = Number(values.rounds);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");
const REAP_MS = 2_000;

const server = await startBenchServer();
const platform = await createPlatformFixture(server.adminUrl, { label: "faultfl" });
const tempDir = await mkdtemp(path.join(os.tmpdir(), "clinic-fault-fleet-"));
const migrationsDir = path.join(tempDir, "tenant-migrations");
await cp(SCHEMA_LOCATIONS.tenant.migrationsDir, migrationsDir, { recursive: true });
const schema = { schemaPath: SCHEMA_LOCATIONS.tenant.schemaPath, migrationsDir };
const runner = new JobRunner({
  central: platform.central,
  centralUrl: platform.centralUrl,
  handlers: platformJobHandlers({ central: platform.central, env: platform.env, schema }),
});
const worker = new JobWorker(runner, {
  centralUrl: platform.centralUrl,
  reapMs: REAP_MS,
  pollMs: 500,
  log: () => {},
});
console.log(`fault:fleet on ${server.kind}; ${machineLine()}; load ${os.loadavg()[0]?.toFixed(1)}`);

type Round = { killedAfter: number; detectedMs: number; finishedMs: number; half: number; behind: number };
const results: Round[] = [];
try {
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env, schema });
  for (let i = 0; i < clinicCount; i++) {
    await service.provisionClinic({
      name: `Fleet ${i}`,
      subdomain: `fleet-${i}`,
      ownerId: platform.owner.id,
    });
    process.stdout.write(`\r  provisioning ${i + 1}/${clinicCount}`);
  }
  console.log(
    `\r  ${clinicCount} clinics provisioned; worker in this process, reaper every ${REAP_MS / 1000} s\n`,
  );
  await worker.start();
  for (let round = 1; round <= rounds; round++) {
    const name = `20991231${String(round).padStart(6, "0")}_fault_round_${round}`;
    await mkdir(path.join(migrationsDir, name));
    await writeFile(
      path.join(migrationsDir, name, "migration.sql"),
      `CREATE TABLE fault_round_${round} (id int PRIMARY KEY);\nINSERT INTO fault_round_${round} SELECT generate_series(1, 2000);\n`,
    );
    const child = runScriptProcess(
      "lib/testing/rollout-child.ts",
      [platform.centralUrl, migrationsDir, "2"],
      platform.env,
    );
    const jobLine = await child.waitForLine(/^job /);
    const jobId = jobLine.slice(4).trim();
    // Killed part-way: after a third of the clinics, at a moment other clinics are mid-migration.
    const killAfter = Math.ceil(clinicCount / 3) + Math.floor(Math.random() * Math.ceil(clinicCount / 3));
    await child.waitForLine(new RegExp(`^done ${killAfter}/`), 300_000);
    const killed = Date.now();
    await child.killHard();
    const row = await followJob(jobId, killed);
    const check = await checkClinics(round);
    results.push({ killedAfter: killAfter, ...row, ...check });
    console.log(
      `  round ${round}: killed after ${killAfter}/${clinicCount} clinics; death noticed ${seconds(row.detectedMs)}, rollout finished ${seconds(row.finishedMs)} after the kill; half-migrated ${check.half}, not at target ${check.behind}`,
    );
  }
  const detected = results.map((r) => r.detectedMs);
  const finished = results.map((r) => r.finishedMs);
  console.log("\n| measure | median | max | target |\n| --- | --- | --- | --- |");
  console.log(
    `| death noticed after the kill | ${seconds(median(detected))} | ${seconds(Math.max(...detected))} | ≤ 15 s |`,
  );
  console.log(
    `| rollout finished after the kill | ${seconds(median(finished))} | ${seconds(Math.max(...finished))} | |`,
  );
  console.log(
    `\nhalf-migrated clinics: ${results.reduce((sum, r) => sum + r.half, 0)}; clinics not at the target or with an error: ${results.reduce((sum, r) => sum + r.behind, 0)} (over ${rounds} rounds of ${clinicCount})`,
  );
} finally {
  await worker.stop(5_000);
  await platform.cleanup();
  await rm(tempDir, { recursive: true, force: true });
  await server.stop();
}

async function followJob(jobId: string, killed: number) {
  let detectedMs = Number.NaN;
  for (;;) {
    const job = await platform.central.job.findUniqueOrThrow({ where: { id: jobId } });
    if (Number.isNaN(detectedMs)) {
      const died = await platform.central.jobAttempt.findFirst({ where: { jobId, state: "DIED" } });
      if (died?.endedAt) detectedMs = died.endedAt.getTime() - killed;
    }
    if (job.state === "SUCCEEDED" || job.state === "FAILED") {
      if (job.state === "FAILED") console.log(`  the rollout failed: ${job.lastError}`);
      return { detectedMs, finishedMs: Date.now() - killed };
    }
    if (Date.now() - killed > 300_000)
      throw new Error("The rollout did not finish within 5 minutes of the kill.");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Per clinic: the round's table exists exactly when its migration is recorded finished; at the target. */
async function checkClinics(round: number): Promise<{ half: number; behind: number }> {
  const clinics = await platform.central.clinic.findMany({ where: { status: "ACTIVE" } });
  const target = `20991231${String(round).padStart(6, "0")}_fault_round_${round}`;
  let half = 0;
  let behind = 0;
  for (const clinic of clinics) {
    if (clinic.schemaVersion !== target || clinic.lastMigrationError) behind += 1;
    await withAdminClient(platform.server, clinic.databaseName, async (db) => {
      const { rows } = await db.query<{ table: boolean; recorded: boolean }>(
        `SELECT to_regclass($1) IS NOT NULL AS table,
                EXISTS (SELECT 1 FROM _prisma_migrations WHERE migration_name = $2 AND finished_at IS NOT NULL AND rolled_back_at IS NULL) AS recorded`,
        [`fault_round_${round}`, target],
      );
      if (rows[0]?.table !== rows[0]?.recorded) half += 1;
    });
  }
  return { half, behind };
}

function seconds(ms: number): string {
  return Number.isNaN(ms) ? "—" : `${(ms / 1000).toFixed(1)} s`;
}
