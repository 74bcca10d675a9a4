import { afterEach, beforeEach, expect, it } from "vitest";
import { withDatabaseName } from "../lib/db/database-url";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { latestMigrationName } from "../lib/tenancy/clinic-schema";
import type { FleetSummary } from "../lib/tenancy/fleet";
import { runScriptToEnd } from "../lib/testing/child-process";
import { adminDatabaseUrl, adminQuery } from "../lib/testing/databases";
import { createTestPlatform, type TestPlatform } from "../lib/testing/platform";

let platform: TestPlatform;

beforeEach(async () => {
  platform = await createTestPlatform();
});

afterEach(async () => {
  await platform.cleanup();
});

function updateSchema(...args: string[]) {
  return runScriptToEnd("scripts/tenant-update-schema.ts", args, {
    ...process.env,
    DATABASE_URL: platform.centralUrl,
    TENANT_NAME_PREFIX: platform.prefix,
  });
}

async function provisionClinics(...subdomains: string[]) {
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  for (const subdomain of subdomains) {
    await service.provisionClinic({ name: `Clinic ${subdomain}`, subdomain, ownerId: platform.owner.id });
  }
}

it("exits 0 with a JSON summary when every clinic is up to date", async () => {
  await provisionClinics("alpha", "bravo");

  const { code, stdout } = await updateSchema("--json");

  expect(code).toBe(0);
  const summary = JSON.parse(stdout) as FleetSummary;
  expect(summary).toMatchObject({ failed: 0, target: await latestMigrationName(), dryRun: false });
  expect(summary.results.map((result) => [result.subdomain, result.status])).toEqual([
    ["alpha", "up-to-date"],
    ["bravo", "up-to-date"],
  ]);
}, 60_000);

it("exits 1 and says what to do when a clinic's database refuses its migrations", async () => {
  await provisionClinics("alpha", "bravo");
  const bravo = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "bravo" } });
  const bravoUrl = withDatabaseName(adminDatabaseUrl(), bravo.databaseName);
  // A migration some other tool left unfinished: the engine refuses to go on past it.
  await adminQuery(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES (gen_random_uuid()::text, 'x', '20990101000000_half_done', now(), 0)`,
    [],
    bravoUrl,
  );

  const json = await updateSchema("--json", "--verify");
  expect(json.code).toBe(1);
  const summary = JSON.parse(json.stdout) as FleetSummary;
  expect(summary.failed).toBe(1);
  expect(summary.results.find((result) => result.subdomain === "bravo")?.error).toMatch(
    /^Migration 20990101000000_half_done is recorded as failed in clinic bravo .*run again with --failed\.$/,
  );

  const plain = await updateSchema("--failed");
  expect(plain.code).toBe(1);
  expect(plain.stdout).toContain("[1/1] bravo: failed: Migration 20990101000000_half_done");
  expect(plain.stdout).toContain("fix it, then: npm run tenant:update-schema -- --failed");
  expect(plain.stdout).toMatch(/clinic\s+result\s+applied\s+time\s+error\n/);
  expect(plain.stdout).not.toContain("alpha");

  await adminQuery(
    "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL",
    [],
    bravoUrl,
  );
  const fixed = await updateSchema("--failed", "--json");
  expect(fixed.code).toBe(0);
  expect((JSON.parse(fixed.stdout) as FleetSummary).results).toEqual([
    expect.objectContaining({ subdomain: "bravo", status: "up-to-date" }),
  ]);
}, 60_000);

it.each([
  [["--concurrency", "0"], "--concurrency must be a whole number from 1 to 32"],
  [["--canary", "two"], "--canary must be a whole number at least 1"],
  [["--only", "acme,Not_Valid"], '--only: "Not_Valid" is not a valid subdomain'],
  [["--colour"], "Unknown option '--colour'"],
])("refuses %j with one line and exit code 1", async (args, message) => {
  const { code, stdout, stderr } = await updateSchema(...args);

  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).toContain(`error: ${message}`);
});

it("refuses --only with a clinic that does not exist", async () => {
  const { code, stderr } = await updateSchema("--only", "zulu");

  expect(code).toBe(1);
  expect(stderr.trim()).toBe("error: --only: there is no clinic zulu.");
});
