// npm run bench:fleet [-- --clinics 200 --concurrency 1,4 --rounds 1]: tenant:update-schema over many
// clinics: one small migration at each concurrency (each round adds one more per concurrency, for
// medians), then the run with nothing to apply (in-process and the whole CLI).
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

const { values } = parseArgs({
  options: {
    clinics: { type: "string", default: "200" },
    concurrency: { type: "string", default: `1,${DEFAULT_FLEET_CONCURRENCY}` },
    rounds: { type: "string", default: "1" },
  },
});
const count = Number(values.clinics);
const concurrencies = values.concurrency.split(",").map(Number);
const rounds = Number(values.rounds);
process.env.TENANT_SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");

const server = await startBenchServer();
const platform = await createPlatformFixture(server.adminUrl, { label: "bench" });
const tempDir = await mkdtemp(path.join(os.tmpdir(), "clinic-bench-fleet-"));
// The CLI's pool: one central connection per clinic under way, plus one.
const central = createCentralClient(platform.centralUrl, Math.max(...concurrencies) + 1);
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
  const timings = new Map(concurrencies.map((concurrency) => [concurrency, [] as number[]]));
  let added = 0;
  for (let round = 1; round <= rounds; round++) {
    for (const concurrency of concurrencies) {
      added += 1;
      await addMigration(
        migrationsDir,
        `2099123100${String(added).padStart(4, "0")}_bench_${added}`,
        `CREATE TABLE bench_${added} (id int PRIMARY KEY, name text);`,
      );
      const summary = await fleet({ concurrency });
      await report(`one migration, concurrency ${labelOf(concurrency)}, round ${round}`, summary);
      timings.get(concurrency)?.push(summary.durationMs);
    }
  }
  for (const [concurrency, times] of timings) {
    console.log(
      `  one migration, concurrency ${labelOf(concurrency)}: median ${seconds(median(times))} ` +
        `(${seconds(Math.min(...times))}–${seconds(Math.max(...times))}, ${times.length} runs)`,
    );
  }
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

function labelOf(concurrency: number): string {
  return concurrency === DEFAULT_FLEET_CONCURRENCY ? `${concurrency} (default)` : String(concurrency);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
