import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AppSession } from "../../auth/session";
import { settleBackgroundWork } from "../../background-work";
import { BackupService } from "../../backups/backup-service";
import { findBackupJobProgress } from "../../backups/job-progress";
import type { Backup, Clinic, User } from "../../generated/central/client";
import { ClinicDatabaseService } from "../../tenancy/clinic-database-service";
import { createProcessPlatform, type TestPlatform } from "../../testing/platform";
import { createPlatformUser, platformCaller } from "../../testing/platform-users";
import { restoreIntoClinicAction } from "./restore-into-clinic";

let platform: TestPlatform;
let caller: ReturnType<typeof platformCaller>;
let dir: string;
let superAdmin: User;
let acme: Clinic;
let backup: Backup;

const sessionOf = (user: User): AppSession => ({
  realm: { kind: "platform" },
  sessionId: randomUUID(),
  user: { id: user.id, email: user.email, name: user.name, role: user.role },
  mustChangePassword: false,
});

beforeAll(async () => {
  platform = await createProcessPlatform();
  caller = platformCaller(platform.central);
  dir = await mkdtemp(path.join(tmpdir(), "console-restore-into-"));
  vi.stubEnv("BACKUP_KEY", `k1:${randomBytes(32).toString("base64")}`);
  vi.stubEnv("BACKUP_DIR", dir);
  superAdmin = await createPlatformUser(platform.central, { role: "SUPER_ADMIN" });
  await new ClinicDatabaseService({ central: platform.central }).provisionClinic({
    name: "Acme Clinic",
    subdomain: "acme",
    ownerId: platform.owner.id,
  });
  acme = await platform.central.clinic.findUniqueOrThrow({ where: { subdomain: "acme" } });
  backup = await new BackupService({ central: platform.central }).backupClinic("acme");
}, 120_000);

afterAll(async () => {
  await settleBackgroundWork();
  await platform?.cleanup();
  await rm(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe("restoring a backup as a new clinic from the console", () => {
  it("shows a taken subdomain on its field, with nothing queued", async () => {
    const jobs = await platform.central.job.count();
    const result = await caller.callAs(superAdmin, restoreIntoClinicAction, {
      clinicId: acme.id,
      backupId: backup.id,
      subdomain: "acme",
      name: "Acme again",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { subdomain: "This subdomain is already taken." } },
    });
    expect(await platform.central.job.count()).toBe(jobs);
  });

  it("makes the copy, audited, and its progress names the new clinic", async () => {
    const started = await caller.callAs(superAdmin, restoreIntoClinicAction, {
      clinicId: acme.id,
      backupId: backup.id,
      subdomain: "acme-training",
      name: "Acme training",
    });
    if (!started.ok) throw new Error(started.error.message);
    await settleBackgroundWork();
    const progress = await findBackupJobProgress({
      central: platform.central,
      session: sessionOf(superAdmin),
      jobId: started.data.jobId,
    });
    expect(progress).toMatchObject({
      kind: "restore-into-clinic",
      state: "SUCCEEDED",
      step: "activate",
      copy: { id: started.data.clinicId, name: "Acme training", subdomain: "acme-training" },
    });
    const audit = await platform.central.auditEvent.findFirstOrThrow({
      where: { action: "backup.restore-into" },
    });
    expect(audit).toMatchObject({
      actorId: superAdmin.id,
      targetId: started.data.clinicId,
      details: { subdomain: "acme-training", source: "acme", backup: backup.id },
    });
    await expect(
      findBackupJobProgress({
        central: platform.central,
        session: sessionOf(platform.owner),
        jobId: started.data.jobId,
      }),
    ).rejects.toThrow("There is no such backup or restore.");
  });
});
