import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tryClinicConnect } from "@/lib/testing/databases";
import type { Backup, Clinic } from "../generated/central/client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import { withAdminClient } from "../tenancy/clinic-schema";
import { clinicConnectionUrl, serverAdminUrl } from "../tenancy/servers";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { BackupService } from "./backup-service";
import { computeManifest, type Manifest } from "./manifest";
import { findPgTools } from "./pg-tools";

let platform: TestPlatform;
let service: BackupService;
let dir: string;
let source: Clinic;
let backup: Backup;
let env: NodeJS.ProcessEnv;

const adminOf = <T>(database: string, work: (client: pg.Client) => Promise<T>) =>
  withAdminClient(platform.server, database, work);

const manifestOf = (database: string) =>
  adminOf(database, async (client) => {
    await client.query("BEGIN");
    try {
      return await computeManifest(client);
    } finally {
      await client.query("ROLLBACK");
    }
  });

/** The databases and roles on the server whose names start with `name`. */
const serverObjectsNamed = (name: string) =>
  adminOf("postgres", async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT datname AS name FROM pg_database WHERE datname LIKE $1
        UNION ALL SELECT rolname FROM pg_roles WHERE rolname LIKE $1`,
      [`${name.replace(/_/g, "\\_")}%`],
    );
    return rows.map((row) => row.name);
  });

/** Connects to `database` with a URL's role; resolves with the error's message, or "connected". */
const clinicAt = (subdomain: string) => platform.central.clinic.findUnique({ where: { subdomain } });

beforeAll(async () => {
  platform = await createTestPlatform();
  dir = await mkdtemp(path.join(tmpdir(), "restore-into-"));
  env = { ...platform.env, BACKUP_KEY: `k1:${randomBytes(32).toString("base64")}`, BACKUP_DIR: dir };
  await new ClinicDatabaseService({ central: platform.central, env }).provisionClinic({
    name: "Acme Clinic",
    subdomain: "acme",
    ownerId: platform.owner.id,
  });
  source = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "acme" } });
  await adminOf(source.databaseName, (client) =>
    client.query(
      `INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at)
       SELECT gen_random_uuid(), 'Pat ' || n, 'Source', date '1970-01-01' + n, now() FROM generate_series(1, 120) AS n`,
    ),
  );
  service = new BackupService({ central: platform.central, env });
  backup = await service.backupClinic("acme");
}, 120_000);

afterAll(async () => {
  await platform?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe("restoring a backup into a new clinic", () => {
  it("refuses an invalid, reserved or taken subdomain before anything is made", async () => {
    const clinicsBefore = await platform.central.clinic.count();
    const jobsBefore = await platform.central.job.count();
    const cases: [string, RegExp][] = [
      ["Acme_Copy", /Use lowercase letters only/],
      ["x", /Too short/],
      ["admin", /reserved by the platform/],
      ["acme", /already taken/],
    ];
    for (const [into, message] of cases) {
      await expect(service.restoreIntoClinic("acme", { backupId: backup.id, into })).rejects.toThrow(message);
    }
    expect(await platform.central.clinic.count()).toBe(clinicsBefore);
    expect(await platform.central.job.count()).toBe(jobsBefore);
    expect(await serverObjectsNamed(`${platform.prefix}acme_copy`)).toEqual([]);
  });

  it("without --backup, refuses when the clinic has no verified backup", async () => {
    await expect(service.restoreIntoClinic("acme", { into: "acme-unverified" })).rejects.toThrow(
      /acme has no verified backup yet\. A backup is verified by a restore drill .* or by a restore/,
    );
    await expect(service.restoreClinic("acme")).rejects.toThrow(/acme has no verified backup yet/);
    expect(await clinicAt("acme-unverified")).toBeNull();
  });

  it("leaves no database or role and a FAILED row when verification fails mid-way, then succeeds on a second try", async () => {
    const manifest = backup.manifest as Manifest;
    const patients = manifest.tables.patients;
    if (!patients) throw new Error("The backup's manifest has no patients table.");
    const wrong = {
      ...manifest,
      tables: { ...manifest.tables, patients: { ...patients, rows: patients.rows + 1 } },
    };
    await platform.central.backup.update({ where: { id: backup.id }, data: { manifest: wrong } });
    try {
      await expect(
        service.restoreIntoClinic("acme", { backupId: backup.id, into: "acme-copy" }),
      ).rejects.toThrow(
        /failed at step “verify”: The restored database does not match the backup's manifest: patients/,
      );
    } finally {
      await platform.central.backup.update({ where: { id: backup.id }, data: { manifest } });
    }
    const failed = await clinicAt("acme-copy");
    expect(failed).toMatchObject({ status: "FAILED", rolePasswordEncrypted: null });
    expect(failed?.statusReason).toContain("verify");
    expect(await serverObjectsNamed(failed?.databaseName ?? "?")).toEqual([]);
    expect(await serverObjectsNamed(failed?.roleName ?? "?")).toEqual([]);
    expect(await tryClinicConnect(clinicConnectionUrl(source, platform.server), source.databaseName)).toBe(
      "connected",
    );

    // The same subdomain again takes the failed row up, as a retried provisioning does.
    const { clinic } = await service.restoreIntoClinic("acme", { backupId: backup.id, into: "acme-copy" });
    expect(clinic).toMatchObject({ id: failed?.id, status: "ACTIVE", statusReason: null });
  }, 60_000);

  it("makes an active clinic whose rows equal the backup's manifest, closed to the source's role and to PUBLIC", async () => {
    const steps: string[] = [];
    const { clinic, backup: used } = await service.restoreIntoClinic("acme", {
      backupId: backup.id,
      into: "acme-training",
      onStep: (step) => steps.push(step),
    });
    expect(clinic).toMatchObject({
      name: "Acme Clinic (copy)",
      subdomain: "acme-training",
      ownerId: source.ownerId,
      status: "ACTIVE",
      schemaVersion: source.schemaVersion,
    });
    expect(steps.at(-1)).toBe("activate");
    expect(used.verifiedAt).not.toBeNull();
    expect(await manifestOf(clinic.databaseName)).toEqual(backup.manifest);
    expect((await manifestOf(clinic.databaseName)).tables.patients?.rows).toBe(120);

    const stranger = `${platform.prefix}stranger`;
    await adminOf("postgres", (client) =>
      client.query(`CREATE ROLE "${stranger}" LOGIN PASSWORD 'stranger-pass'`),
    );
    const strangerUrl = new URL(serverAdminUrl(platform.server));
    strangerUrl.username = stranger;
    strangerUrl.password = "stranger-pass";
    const copyUrl = clinicConnectionUrl(clinic, platform.server);
    const sourceUrl = clinicConnectionUrl(source, platform.server);
    expect(await tryClinicConnect(copyUrl, clinic.databaseName)).toBe("connected");
    expect(await tryClinicConnect(copyUrl, source.databaseName)).toMatch(/permission denied for database/);
    expect(await tryClinicConnect(sourceUrl, clinic.databaseName)).toMatch(/permission denied for database/);
    expect(await tryClinicConnect(strangerUrl.toString(), clinic.databaseName)).toMatch(
      /permission denied for database/,
    );
    expect(await tryClinicConnect(sourceUrl, source.databaseName)).toBe("connected");
  });

  it("takes up its own role after an attempt that lost its connection mid-restore, and finishes", async () => {
    const real = await findPgTools(150000, { ...process.env, PG_BIN_DIR: undefined });
    const bin = path.join(dir, "flaky-bin");
    await mkdir(bin);
    await symlink(real.pg_dump, path.join(bin, "pg_dump"));
    const once = path.join(bin, "failed-once");
    await writeFile(
      path.join(bin, "pg_restore"),
      `#!/bin/sh
if [ "$1" != "--version" ] && [ ! -f "${once}" ]; then
  touch "${once}"; echo "pg_restore: error: Connection terminated unexpectedly" >&2; exit 1
fi
exec "${real.pg_restore}" "$@"
`,
    );
    await chmod(path.join(bin, "pg_restore"), 0o755);
    const flaky = new BackupService({ central: platform.central, env: { ...env, PG_BIN_DIR: bin } });
    const { clinic } = await flaky.restoreIntoClinic("acme", { backupId: backup.id, into: "acme-retried" });
    expect(clinic.status).toBe("ACTIVE");
    const attempts = await platform.central.jobAttempt.findMany({
      where: { job: { clinicId: clinic.id } },
      orderBy: { number: "asc" },
    });
    expect(attempts.map((attempt) => attempt.state)).toEqual(["FAILED", "SUCCEEDED"]);
    expect(attempts[0]?.error).toContain("Connection terminated");
    expect(await serverObjectsNamed(`${clinic.databaseName}_p`)).toEqual([]);
    // The second attempt gave the role made by the first its own password: the copy connects with it.
    expect(await tryClinicConnect(clinicConnectionUrl(clinic, platform.server), clinic.databaseName)).toBe(
      "connected",
    );
    expect((await manifestOf(clinic.databaseName)).tables.patients?.rows).toBe(120);
  }, 60_000);

  it("without --backup takes the newest verified backup, not a newer unverified one", async () => {
    const newer = await service.backupClinic("acme");
    expect(newer.verifiedAt).toBeNull();
    const { clinic, backup: used } = await service.restoreIntoClinic("acme", {
      into: "acme-latest",
      name: "Acme for training",
    });
    expect(used.id).toBe(backup.id);
    expect(clinic).toMatchObject({ name: "Acme for training", status: "ACTIVE" });
    const job = await platform.central.job.findFirstOrThrow({
      where: { clinicId: clinic.id, kind: "restore-into-clinic" },
    });
    expect(job).toMatchObject({
      state: "SUCCEEDED",
      payload: { backupId: backup.id, sourceClinicId: source.id },
    });
  });
});
