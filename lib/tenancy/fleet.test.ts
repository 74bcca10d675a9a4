import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withDatabaseName } from "../db/database-url";
import { MigrationError, SCHEMA_LOCATIONS, type SchemaLocation } from "../db/migrations";
import type { Clinic } from "../generated/central/client";
import { adminDatabaseUrl, adminQuery } from "../testing/databases";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { ClinicDatabaseService } from "./clinic-database-service";
import { latestMigrationName } from "./clinic-schema";
import { type FleetEvent, runFleetUpdate } from "./fleet";
import { quoteIdent, templateDatabaseName } from "./names";

const ADD_ROOMS = "20991231000000_add_rooms";

let platform: TestPlatform;
let tempDir: string;
/** The repository's tenant migrations plus one more: add_rooms. */
let schema: SchemaLocation;
let before: string;

beforeEach(async () => {
  platform = await createTestPlatform();
  tempDir = await mkdtemp(path.join(os.tmpdir(), "clinic-fleet-"));
  const migrationsDir = path.join(tempDir, "tenant-migrations");
  await cp(SCHEMA_LOCATIONS.tenant.migrationsDir, migrationsDir, { recursive: true });
  await mkdir(path.join(migrationsDir, ADD_ROOMS));
  await writeFile(path.join(migrationsDir, ADD_ROOMS, "migration.sql"), "CREATE TABLE rooms (id int);\n");
  schema = { schemaPath: SCHEMA_LOCATIONS.tenant.schemaPath, migrationsDir };
  before = await latestMigrationName();
});

afterEach(async () => {
  await platform.cleanup();
  await rm(tempDir, { recursive: true, force: true });
});

/** Clinics at the repository's newest migration, as provisioning leaves them. */
async function provisionClinics(...subdomains: string[]): Promise<Clinic[]> {
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  const clinics: Clinic[] = [];
  for (const subdomain of subdomains) {
    clinics.push(
      await service.provisionClinic({ name: `Clinic ${subdomain}`, subdomain, ownerId: platform.owner.id }),
    );
  }
  return clinics;
}

function clinicQuery(clinic: Clinic, sql: string) {
  return adminQuery(sql, [], withDatabaseName(adminDatabaseUrl(), clinic.databaseName));
}

async function roomsColumns(clinic: Clinic): Promise<string[]> {
  const columns = await clinicQuery(
    clinic,
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'rooms' ORDER BY column_name",
  );
  return columns.rows.map((row) => row.column_name);
}

const fleet = (options: Partial<Parameters<typeof runFleetUpdate>[0]> = {}) =>
  runFleetUpdate({
    central: platform.central,
    centralUrl: platform.centralUrl,
    env: platform.env,
    schema,
    ...options,
  });

const clinicRow = (subdomain: string) => platform.central.clinic.findUniqueOrThrow({ where: { subdomain } });

describe("runFleetUpdate", () => {
  it("updates every clinic past a broken one, records it as failed, and --failed then fixes only it", async () => {
    const [alpha, bravo, charlie] = await provisionClinics("alpha", "bravo", "charlie");
    if (!alpha || !bravo || !charlie) throw new Error("provisioning returned too few clinics");
    await clinicQuery(bravo, "CREATE TABLE rooms (x int)");
    const events: FleetEvent[] = [];

    const first = await fleet({ concurrency: 2, onEvent: (event) => events.push(event) });

    expect(first.failed).toBe(1);
    expect(first.results.map((result) => [result.subdomain, result.status, result.applied])).toEqual([
      ["alpha", "updated", [ADD_ROOMS]],
      ["bravo", "failed", []],
      ["charlie", "updated", [ADD_ROOMS]],
    ]);
    const error = `Migration ${ADD_ROOMS} failed on clinic bravo (database ${bravo.databaseName}): PostgreSQL said: relation "rooms" already exists [42P07]`;
    expect(first.results[1]?.error).toContain(error);
    expect(await roomsColumns(alpha)).toEqual(["id"]);
    expect(await roomsColumns(charlie)).toEqual(["id"]);
    expect(await clinicRow("alpha")).toMatchObject({ schemaVersion: ADD_ROOMS, lastMigrationError: null });
    expect(await clinicRow("bravo")).toMatchObject({
      schemaVersion: before,
      lastMigrationError: expect.stringContaining(error),
    });
    const run = await platform.central.fleetRun.findUniqueOrThrow({
      where: { id: first.runId ?? "" },
      include: { results: { include: { clinic: true } } },
    });
    expect(run).toMatchObject({
      status: "FAILED",
      targetVersion: ADD_ROOMS,
      total: 3,
      succeeded: 2,
      upToDate: 0,
      failed: 1,
    });
    expect(run.finishedAt).not.toBeNull();
    expect(run.results.map((result) => [result.clinic.subdomain, result.status]).sort()).toEqual([
      ["alpha", "SUCCEEDED"],
      ["bravo", "FAILED"],
      ["charlie", "SUCCEEDED"],
    ]);
    expect(events.filter((event) => event.type === "clinic-done")).toHaveLength(3);
    expect(first.templates).toEqual([expect.objectContaining({ server: "default", applied: [ADD_ROOMS] })]);

    // Repair the database only: the fleet marks its own recorded failure rolled back and runs it again.
    await clinicQuery(bravo, "DROP TABLE rooms");
    const retry = await fleet({ failedOnly: true });

    expect(retry.failed).toBe(0);
    expect(retry.results).toEqual([
      expect.objectContaining({
        subdomain: "bravo",
        status: "updated",
        applied: [ADD_ROOMS],
        retried: ADD_ROOMS,
      }),
    ]);
    expect(await roomsColumns(bravo)).toEqual(["id"]);
    expect(await clinicRow("bravo")).toMatchObject({ schemaVersion: ADD_ROOMS, lastMigrationError: null });
  });

  it("skips clinics recorded at the target without connecting to them (counted as up to date), unless asked to verify", async () => {
    const clinics = await provisionClinics("alpha", "bravo");
    expect((await fleet()).failed).toBe(0);
    // A run that connected to any clinic database now would fail.
    for (const clinic of clinics) {
      await adminQuery(`ALTER DATABASE ${quoteIdent(clinic.databaseName)} ALLOW_CONNECTIONS false`);
    }

    const rerun = await fleet();

    expect(rerun.failed).toBe(0);
    expect(rerun.results.map((result) => result.status)).toEqual(["up-to-date", "up-to-date"]);
    expect(rerun.templates).toEqual([expect.objectContaining({ applied: [] })]);
    expect(rerun.durationMs).toBeLessThan(2000);
    // Clinics it did not touch are counted as up to date, never as migrated.
    const run = await platform.central.fleetRun.findUniqueOrThrow({
      where: { id: rerun.runId ?? "" },
      include: { results: true },
    });
    expect(run).toMatchObject({ status: "SUCCEEDED", total: 2, succeeded: 0, upToDate: 2, failed: 0 });
    expect(run.results.map((result) => result.status)).toEqual(["UP_TO_DATE", "UP_TO_DATE"]);

    const verified = await fleet({ verify: true });
    expect(verified.failed).toBe(2);
    expect(verified.results[0]?.error).toMatch(
      /^Updating clinic alpha \(database \S+\) failed: .*not currently accepting connections/,
    );
  });

  it("analyzes a clinic after applying migrations to it, so its new tables have statistics", async () => {
    const [alpha] = await provisionClinics("alpha");
    if (!alpha) throw new Error("provisioning returned no clinic");
    const lastAnalyzed = async () =>
      (
        await clinicQuery(
          alpha,
          "SELECT relname, last_analyze FROM pg_stat_user_tables WHERE relname IN ('rooms', 'patients') ORDER BY relname",
        )
      ).rows.map((row) => [row.relname, row.last_analyze !== null]);
    expect((await fleet()).results[0]).toMatchObject({ status: "updated", applied: [ADD_ROOMS] });
    expect(await lastAnalyzed()).toEqual([
      ["patients", true],
      ["rooms", true],
    ]);
  });

  it("reports in a dry run what each clinic would get, and changes nothing", async () => {
    const [alpha, , , delta] = await provisionClinics("alpha", "bravo", "charlie", "delta");
    if (!alpha || !delta) throw new Error("provisioning returned too few clinics");
    await platform.central.clinic.update({ where: { subdomain: "charlie" }, data: { status: "SUSPENDED" } });
    await platform.central.clinic.update({ where: { subdomain: "bravo" }, data: { status: "FAILED" } });
    // Left by some other tool: the real run would stop there, so the dry run says so.
    await clinicQuery(
      delta,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES (gen_random_uuid()::text, 'x', '20990101000000_half_done', now(), 0)`,
    );

    const summary = await fleet({ dryRun: true });

    expect(summary).toMatchObject({ runId: null, dryRun: true, target: ADD_ROOMS, templates: [], failed: 1 });
    expect(summary.central).toEqual({ applied: [], pending: [] });
    expect(summary.results.map((result) => [result.subdomain, result.status, result.applied])).toEqual([
      ["alpha", "would-apply", [ADD_ROOMS]],
      ["charlie", "would-apply", [ADD_ROOMS]],
      ["delta", "failed", []],
    ]);
    expect(summary.results[2]?.error).toMatch(
      /^Migration 20990101000000_half_done is recorded as failed in clinic delta/,
    );
    expect(await roomsColumns(alpha)).toEqual([]);
    expect(await clinicRow("alpha")).toMatchObject({
      schemaVersion: before,
      lastMigrationAt: alpha.lastMigrationAt,
    });
    expect(await platform.central.fleetRun.count()).toBe(0);
  });

  it("reports a template database it cannot update and still updates the clinics", async () => {
    const [alpha] = await provisionClinics("alpha");
    if (!alpha) throw new Error("provisioning returned no clinic");
    const template = quoteIdent(templateDatabaseName({ env: platform.env }));
    await adminQuery(`ALTER DATABASE ${template} ALLOW_CONNECTIONS true`);
    await adminQuery(
      "CREATE TABLE rooms (x int)",
      [],
      withDatabaseName(adminDatabaseUrl(), templateDatabaseName({ env: platform.env })),
    );
    await adminQuery(`ALTER DATABASE ${template} ALLOW_CONNECTIONS false`);

    const summary = await fleet();

    expect(summary.templates).toEqual([
      expect.objectContaining({
        server: "default",
        error: expect.stringMatching(
          /^The template database on server default was not updated .*"rooms" already exists/,
        ),
      }),
    ]);
    expect(summary.failed).toBe(0);
    expect(summary.results).toEqual([expect.objectContaining({ subdomain: "alpha", status: "updated" })]);
    expect(await roomsColumns(alpha)).toEqual(["id"]);

    // The broken template was dropped, so the next run builds it afresh.
    const next = await fleet();
    expect(next.templates).toEqual([
      expect.objectContaining({ server: "default", applied: expect.arrayContaining([ADD_ROOMS]) }),
    ]);
    expect(next.templates[0]?.error).toBeUndefined();
  });

  it("stops after a failed canary and leaves the other clinics untouched", async () => {
    const [alpha, bravo] = await provisionClinics("alpha", "bravo", "charlie");
    if (!alpha || !bravo) throw new Error("provisioning returned too few clinics");
    await clinicQuery(alpha, "CREATE TABLE rooms (x int)");

    const summary = await fleet({ canary: 1 });

    expect(summary.stopped).toBe("canary");
    expect(summary.results.map((result) => [result.subdomain, result.status])).toEqual([
      ["alpha", "failed"],
      ["bravo", "skipped"],
      ["charlie", "skipped"],
    ]);
    expect(await roomsColumns(bravo)).toEqual([]);
    const run = await platform.central.fleetRun.findUniqueOrThrow({
      where: { id: summary.runId ?? "" },
      include: { results: true },
    });
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/canary failed/);
    expect(run.results.filter((result) => result.status === "SKIPPED")).toHaveLength(2);
  });

  it("runs only the clinics named, and refuses a name it cannot update", async () => {
    const [, bravo] = await provisionClinics("alpha", "bravo");
    if (!bravo) throw new Error("provisioning returned too few clinics");

    const summary = await fleet({ only: ["bravo"] });
    expect(summary.results.map((result) => [result.subdomain, result.status])).toEqual([
      ["bravo", "updated"],
    ]);
    expect(await roomsColumns(bravo)).toEqual(["id"]);

    await expect(fleet({ only: ["alpha", "zulu"] })).rejects.toThrow("--only: there is no clinic zulu.");
  });

  it("stops before any clinic when a central migration fails", async () => {
    await provisionClinics("alpha");
    const centralDir = path.join(tempDir, "central-migrations");
    await cp(SCHEMA_LOCATIONS.central.migrationsDir, centralDir, { recursive: true });
    await mkdir(path.join(centralDir, "20991231000000_broken"));
    await writeFile(
      path.join(centralDir, "20991231000000_broken", "migration.sql"),
      "SELECT * FROM missing_table;\n",
    );

    const run = fleet({
      centralSchema: { schemaPath: SCHEMA_LOCATIONS.central.schemaPath, migrationsDir: centralDir },
    });

    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(
      /^Central database: Migration 20991231000000_broken failed .*No clinic database was touched\.$/,
    );
    expect(await clinicRow("alpha")).toMatchObject({ schemaVersion: before, lastMigrationError: null });
    expect(await platform.central.fleetRun.count()).toBe(0);
  });

  it("runs one rollout at a time and closes a run that was interrupted", async () => {
    await provisionClinics("alpha");
    const interrupted = await platform.central.fleetRun.create({
      data: { status: "RUNNING", targetVersion: before },
    });
    const held = await holdFleetLock(platform.centralUrl);
    try {
      await expect(fleet()).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/^Another schema rollout is running \(started /),
      });
    } finally {
      await held.end();
    }

    const summary = await fleet();
    expect(summary.failed).toBe(0);
    expect(
      await platform.central.fleetRun.findUniqueOrThrow({ where: { id: interrupted.id } }),
    ).toMatchObject({
      status: "FAILED",
      error: expect.stringContaining("Interrupted"),
    });
  });
});

/** Another process's rollout, as far as the lock can tell. */
async function holdFleetLock(centralUrl: string) {
  const client = new pg.Client({ connectionString: centralUrl });
  await client.connect();
  await client.query("SELECT pg_advisory_lock(hashtext('clinic-platform:fleet-run'))");
  return client;
}
