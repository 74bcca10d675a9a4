// npm run bench:fleet [-- --clinics 200]: tenant:update-schema over many clinics: one small migration at
// concurrency 1 and at the default, then the run with nothing to apply (in-process and the whole CLI).
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { createCentralClient } from "../lib/db/central";
import { SCHEMA_LOCATIONS } from "../lib/db/migrations";
import { projectRoot } from "../lib/db/project-root";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { DEFAULT_FLEET_CONCURRENCY, type FleetOptions, runFleetUpdate } from "../lib/tenancy/fleet";
import { createPlatformFixture } from "../lib/testing/platform-fixture";
import { machineLine, median, percentile, startBenchServer } from "./lib/bench-server";

const { values } = parseArgs({ options: { clinics: { type: "string", default: "200" } } });
const count = Number(values.clinics);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");

const server = await startBenchServer();
const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
const tempDir = await mkdtemp(path.join(os.tmpdir(), "clinic-bench-fleet-"));
// The CLI's pool: one central connection per clinic under way, plus one.
const central = createCentralClient(platform.centralUrl, DEFAULT_FLEET_CONCURRENCY + 1);
console.log(`fleet update over ${count} clinics on ${server.kind}; ${machineLine()}`);

try {
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  const provisionStart = performance.now();
  for (let i = 0; i < count; i++) {
    await service.provisionClinic({
      name: `Bench ${i}`,
      subdomain: `bench-${i}`,
      ownerId: platform.owner.id,
    });
    process.stdout.write(`\r  provisioning ${i + 1}/${count}`);
  }
  console.log(`\r  provisioned ${count} clinics in ${seconds(performance.now() - provisionStart)}`);

  const cli = await timeCli();
  console.log(`  nothing to apply, whole CLI (tsx start, central check, ${count} clinics): ${seconds(cli)}`);

  const migrationsDir = path.join(tempDir, "tenant-migrations");
  await cp(SCHEMA_LOCATIONS.tenant.migrationsDir, migrationsDir, { recursive: true });
  const schema = { schemaPath: SCHEMA_LOCATIONS.tenant.schemaPath, migrationsDir };
  const fleet = (options: Partial<FleetOptions>) =>
    runFleetUpdate({ central, centralUrl: platform.centralUrl, env: platform.env, schema, ...options });

  await report("nothing to apply, in-process", await fleet({}));
  await addMigration(
    migrationsDir,
    "20991231000001_add_rooms",
    "CREATE TABLE rooms (id int PRIMARY KEY, name text);",
  );
  await report("one migration, concurrency 1", await fleet({ concurrency: 1 }));
  await addMigration(
    migrationsDir,
    "20991231000002_add_beds",
    "CREATE TABLE beds (id int PRIMARY KEY, room int);",
  );
  await report(`one migration, concurrency ${DEFAULT_FLEET_CONCURRENCY} (default)`, await fleet({}));
  await report("nothing to apply, in-process", await fleet({}));
  await report("nothing to apply, --verify (connects to each)", await fleet({ verify: true }));
} finally {
  await central.$disconnect();
  await platform.cleanup();
  await rm(tempDir, { recursive: true, force: true });
  await server.stop();
}

async function addMigration(migrationsDir: string, name: string, sql: string) {
  await mkdir(path.join(migrationsDir, name));
  await writeFile(path.join(migrationsDir, name, "migration.sql"), `${sql}\n`);
}

async function report(label: string, summary: Awaited<ReturnType<typeof runFleetUpdate>>) {
  if (summary.failed)
    throw new Error(`${label}: ${summary.failed} clinics failed: ${summary.results[0]?.error}`);
  const times = summary.results.filter((result) => result.status !== "up-to-date").map((r) => r.durationMs);
  const perClinic = times.length
    ? `; per clinic median ${median(times)} ms, p95 ${percentile(times, 95)} ms (${times.length} connected)`
    : "";
  console.log(`  ${label}: ${seconds(summary.durationMs)}${perClinic}`);
}

async function timeCli(): Promise<number> {
  const started = performance.now();
  await promisify(execFile)(
    path.join(projectRoot, "node_modules/.bin/tsx"),
    ["scripts/tenant-update-schema.ts"],
    {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: platform.centralUrl, TENANT_NAME_PREFIX: platform.prefix },
    },
  );
  return performance.now() - started;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
