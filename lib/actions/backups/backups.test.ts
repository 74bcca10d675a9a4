import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ServerAction } from "../../action-pipeline/result";
import type { AppSession } from "../../auth/session";
import { settleBackgroundWork } from "../../background-work";
import { openBackupDownload } from "../../backups/backup-download";
import { writeBackupFile } from "../../backups/backup-file";
import { parseBackupKeys } from "../../backups/backup-keys";
import { findBackupJobProgress } from "../../backups/job-progress";
import { uploadClinicBackup } from "../../backups/upload-backup";
import type { Clinic, User } from "../../generated/central/client";
import { ClinicDatabaseService } from "../../tenancy/clinic-database-service";
import { withAdminClient } from "../../tenancy/clinic-schema";
import { createProcessPlatform, type TestPlatform } from "../../testing/platform";
import { createPlatformUser, platformCaller } from "../../testing/platform-users";
import { backUpClinicAction } from "./back-up-clinic";
import { backUpOwnClinicAction } from "./back-up-own-clinic";
import { restoreClinicAction } from "./restore-clinic";
import { updateBackupSettingsAction } from "./update-backup-settings";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;
let dir: string;
let superAdmin: User;
let acmeAdmin: User;
let otherAdmin: User;
let acme: Clinic;
let other: Clinic;

const call = <R>(user: User, action: ServerAction<R>, input: unknown) => caller.callAs(user, action, input);
const sessionOf = (user: User): AppSession => ({
  realm: { kind: "platform" },
  sessionId: randomUUID(),
  user: { id: user.id, email: user.email, name: user.name, role: user.role },
  mustChangePassword: false,
});
const backupRows = () => platform.central.backup.count();
const patientCount = (clinic: Clinic) =>
  withAdminClient(platform.server, clinic.databaseName, async (client) => {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM patients");
    return Number(rows[0]?.n);
  });
const addPatient = (clinic: Clinic, lastName: string) =>
  withAdminClient(platform.server, clinic.databaseName, (client) =>
    client.query(
      "INSERT INTO patients (id, first_name, last_name, date_of_birth, updated_at) VALUES (gen_random_uuid(), 'Pat', $1, date '1980-01-01', now())",
      [lastName],
    ),
  );
const allowClinicAdmins = (allowed: boolean) =>
  call(superAdmin, updateBackupSettingsAction, { clinicAdminsMayBackup: allowed });

/** Starts a backup as `user` and waits for its job; the DONE row. */
async function backUp(user: User, clinic: Clinic) {
  const started = await call(user, user.role === "SUPER_ADMIN" ? backUpClinicAction : backUpOwnClinicAction, {
    clinicId: clinic.id,
  });
  if (!started.ok) throw new Error(started.error.message);
  await settleBackgroundWork();
  return platform.central.backup.findUniqueOrThrow({ where: { jobId: started.data.jobId } });
}

async function* bytesOf(buffer: Buffer) {
  yield buffer;
}

beforeAll(async () => {
  vi.stubEnv("ROOT_DOMAIN", "localhost:4321");
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
  dir = await mkdtemp(path.join(tmpdir(), "console-backups-"));
  vi.stubEnv("BACKUP_KEY", `k1:${randomBytes(32).toString("base64")}`);
  vi.stubEnv("BACKUP_DIR", path.join(dir, "backups"));
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
  acmeAdmin = await createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });
  otherAdmin = await createPlatformUser(platform.central, { role: "CLINIC_ADMIN" });
  const clinics = new ClinicDatabaseService({ central: platform.central });
  await clinics.provisionClinic({ name: "Acme Clinic", subdomain: "acme", ownerId: acmeAdmin.id });
  await clinics.provisionClinic({ name: "Other Clinic", subdomain: "other", ownerId: otherAdmin.id });
  acme = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "acme" } });
  other = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "other" } });
  await addPatient(acme, "Original");
}, 120_000);

afterEach(() => settleBackgroundWork());

afterAll(async () => {
  await settleBackgroundWork();
  await platform?.cleanup();
  await rm(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe("backing up from the consoles", () => {
  it("lets a super admin back up any clinic, audited, and follow its steps to the end", async () => {
    const backup = await backUp(superAdmin, other);
    expect(backup).toMatchObject({
      status: "DONE",
      clinicId: other.id,
      kind: "MANUAL",
      requestedBy: superAdmin.id,
    });
    const progress = await findBackupJobProgress({
      central: platform.central,
      session: sessionOf(superAdmin),
      jobId: backup.jobId ?? "",
    });
    expect(progress).toMatchObject({ state: "SUCCEEDED", step: "dump", backup: { id: backup.id } });
    const audit = await platform.central.auditEvent.findFirstOrThrow({ where: { action: "backup.clinic" } });
    expect(audit).toMatchObject({ actorId: superAdmin.id, targetId: other.id });
  });

  it("refuses clinic admins while the platform setting is off, and super-admin actions always", async () => {
    await allowClinicAdmins(false);
    const jobs = await platform.central.job.count();
    expect(await call(acmeAdmin, backUpOwnClinicAction, { clinicId: acme.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN", message: expect.stringContaining("ask one") },
    });
    expect(await call(acmeAdmin, backUpClinicAction, { clinicId: acme.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await call(superAdmin, backUpOwnClinicAction, { clinicId: acme.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await platform.central.job.count()).toBe(jobs);
  });

  it("lets a clinic admin back up their own clinic once allowed, and never another's or a made-up one", async () => {
    expect(await allowClinicAdmins(true)).toMatchObject({ ok: true });
    const backup = await backUp(acmeAdmin, acme);
    expect(backup).toMatchObject({ status: "DONE", clinicId: acme.id, requestedBy: acmeAdmin.id });
    const jobs = await platform.central.job.count();
    for (const clinicId of [other.id, randomUUID()]) {
      expect(await call(acmeAdmin, backUpOwnClinicAction, { clinicId })).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
    }
    expect(await call(acmeAdmin, backUpOwnClinicAction, { clinicId: "../other" })).toMatchObject({
      ok: false,
      error: { code: "INVALID" },
    });
    expect(await platform.central.job.count()).toBe(jobs);
    const settings = await platform.central.auditEvent.findFirstOrThrow({
      where: { action: "backup.settings" },
      orderBy: { at: "desc" },
    });
    expect(settings.details).toEqual({ clinicAdminsMayBackup: true });
  });
});

describe("downloading", () => {
  const request = new Request("http://localhost:4321/api/backups/x/download", {
    headers: { "user-agent": "vitest" },
  });
  const download = (user: User, backupId: string) =>
    openBackupDownload({ central: platform.central, session: sessionOf(user), backupId, request });

  it("gives the owner their clinic's encrypted file, audited, and refuses another clinic's", async () => {
    await allowClinicAdmins(true);
    const mine = await platform.central.backup.findFirstOrThrow({
      where: { clinicId: acme.id, status: "DONE" },
    });
    const theirs = await platform.central.backup.findFirstOrThrow({
      where: { clinicId: other.id, status: "DONE" },
    });
    const file = await download(acmeAdmin, mine.id);
    expect(file.sizeBytes).toBe(Number(mine.sizeBytes));
    expect(file.fileName).toMatch(/^acme-\d{8}T\d{6}Z\.backup$/);
    await file.stream.cancel();
    const audit = await platform.central.auditEvent.findFirstOrThrow({
      where: { action: "backup.download" },
    });
    expect(audit).toMatchObject({ actorId: acmeAdmin.id, targetId: acme.id });
    const audits = await platform.central.auditEvent.count();
    await expect(download(acmeAdmin, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(download(otherAdmin, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(download(acmeAdmin, randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await allowClinicAdmins(false);
    await expect(download(acmeAdmin, mine.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await platform.central.auditEvent.count()).toBe(audits + 1);
    await (await download(superAdmin, theirs.id)).stream.cancel();
  });

  it("does not let a clinic admin follow a restore or another clinic's backup job", async () => {
    await allowClinicAdmins(true);
    const theirs = await platform.central.backup.findFirstOrThrow({ where: { clinicId: other.id } });
    await expect(
      findBackupJobProgress({
        central: platform.central,
        session: sessionOf(acmeAdmin),
        jobId: theirs.jobId ?? "",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("restoring", () => {
  it("asks for the subdomain, refuses another clinic's backup, then puts the clinic's rows back", async () => {
    const backup = await platform.central.backup.findFirstOrThrow({
      where: { clinicId: acme.id, status: "DONE" },
      orderBy: { startedAt: "desc" },
    });
    const foreign = await platform.central.backup.findFirstOrThrow({ where: { clinicId: other.id } });
    await addPatient(acme, "Added after the backup");
    expect(await patientCount(acme)).toBe(2);
    const jobs = await platform.central.job.count();
    expect(
      await call(superAdmin, restoreClinicAction, {
        clinicId: acme.id,
        backupId: backup.id,
        confirmation: "other",
      }),
    ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { confirmation: expect.any(String) } } });
    expect(
      await call(superAdmin, restoreClinicAction, {
        clinicId: acme.id,
        backupId: foreign.id,
        confirmation: "acme",
      }),
    ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(
      await call(acmeAdmin, restoreClinicAction, {
        clinicId: acme.id,
        backupId: backup.id,
        confirmation: "acme",
      }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await platform.central.job.count()).toBe(jobs);

    const started = await call(superAdmin, restoreClinicAction, {
      clinicId: acme.id,
      backupId: backup.id,
      confirmation: "acme",
    });
    if (!started.ok) throw new Error(started.error.message);
    await settleBackgroundWork();
    const progress = await findBackupJobProgress({
      central: platform.central,
      session: sessionOf(superAdmin),
      jobId: started.data.jobId,
    });
    expect(progress).toMatchObject({
      state: "SUCCEEDED",
      step: "swap",
      restore: { asideDatabase: expect.any(String) },
    });
    expect(await patientCount(acme)).toBe(1);
    const audit = await platform.central.auditEvent.findFirstOrThrow({ where: { action: "backup.restore" } });
    expect(audit).toMatchObject({ actorId: superAdmin.id, targetId: acme.id });
  });
});

describe("uploading a backup file", () => {
  const actor = () => ({ id: superAdmin.id, email: superAdmin.email, ip: null, userAgent: "vitest" });
  const withServer = async (clinic: Clinic) =>
    platform.central.clinic.findUniqueOrThrow({
      where: { id: clinic.id },
      include: { databaseServer: true },
    });
  const upload = async (clinic: Clinic, bytes: Buffer) =>
    uploadClinicBackup({
      central: platform.central,
      actor: actor(),
      clinic: await withServer(clinic),
      body: bytesOf(bytes),
    });
  const leftovers = async () => readdir(path.join(dir, "backups", ".upload")).catch(() => []);

  it("refuses a truncated file, a foreign key's file and another clinic's backup, creating nothing", async () => {
    const backup = await platform.central.backup.findFirstOrThrow({
      where: { clinicId: acme.id, status: "DONE" },
    });
    const bytes = await readFile(path.join(dir, "backups", backup.filePath ?? ""));
    const rows = await backupRows();
    await expect(upload(acme, bytes.subarray(0, bytes.length - 100))).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/truncated|fails its authentication/),
    });
    const foreignFile = path.join(dir, "foreign.backup");
    const foreignKey = parseBackupKeys(`k1:${randomBytes(32).toString("base64")}`).writer;
    await writeBackupFile(bytesOf(bytes.subarray(64)), foreignFile, foreignKey);
    await expect(upload(acme, await readFile(foreignFile))).rejects.toMatchObject({ code: "INVALID" });
    await expect(upload(acme, Buffer.from("PGDMP not a backup"))).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("not a backup file of this platform"),
    });
    await expect(upload(other, bytes)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("“Acme Clinic”, not of “Other Clinic”"),
    });
    await expect(upload(acme, bytes)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await backupRows()).toBe(rows);
    expect(await leftovers()).toEqual([]);
  });

  it("accepts a good file of the clinic: it joins the list with a manifest and can be restored", async () => {
    const backup = await platform.central.backup.findFirstOrThrow({
      where: { clinicId: other.id, status: "DONE" },
    });
    const bytes = await readFile(path.join(dir, "backups", backup.filePath ?? ""));
    await platform.central.backup.delete({ where: { id: backup.id } });
    const uploaded = await upload(other, bytes);
    expect(uploaded).toMatchObject({ status: "DONE", uploaded: true, schemaVersion: backup.schemaVersion });
    const row = await platform.central.backup.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect((row.manifest as { tables: unknown }).tables).toEqual(
      (backup.manifest as { tables: unknown }).tables,
    );
    expect(await leftovers()).toEqual([]);
    const started = await call(superAdmin, restoreClinicAction, {
      clinicId: other.id,
      backupId: uploaded.id,
      confirmation: "other",
    });
    expect(started).toMatchObject({ ok: true });
    await settleBackgroundWork();
    expect(await platform.central.backup.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({
      verifiedAt: expect.any(Date),
    });
  });

  it("refuses a file over the size limit before reading it", async () => {
    vi.stubEnv("BACKUP_UPLOAD_MAX_MB", "1");
    try {
      await expect(
        uploadClinicBackup({
          central: platform.central,
          actor: actor(),
          clinic: await withServer(acme),
          body: bytesOf(Buffer.alloc(2 * 1024 * 1024)),
        }),
      ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("larger than 1 MB") });
    } finally {
      vi.stubEnv("BACKUP_UPLOAD_MAX_MB", "10");
    }
    expect(await leftovers()).toEqual([]);
  });
});
