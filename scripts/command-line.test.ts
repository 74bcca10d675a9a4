import { randomBytes } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackupService } from "../lib/backups/backup-service";
import { AppError } from "../lib/errors";
import { ClinicDatabaseService } from "../lib/tenancy/clinic-database-service";
import { runScriptToEnd } from "../lib/testing/child-process";
import { createTestPlatform, type TestPlatform } from "../lib/testing/platform";
import { failureLine } from "./lib/run-script";

describe("a command's failure line", () => {
  it("is the message of a refusal, a setting or a usage error", () => {
    expect(failureLine(new AppError("NOT_FOUND", "No clinic at acme."))).toBe("error: No clinic at acme.");
  });

  it("finds words for an unexpected error without a first line: Prisma's, or a refused connection's", () => {
    expect(failureLine(new Error("\nInvalid `prisma.clinic.findMany()` invocation:\n\nboom"))).toBe(
      "error: Invalid `prisma.clinic.findMany()` invocation: (unexpected; run it again with DEBUG=1 to see where it happened)",
    );
    const refused = new AggregateError([new Error("connect ECONNREFUSED 127.0.0.1:5432")], "");
    expect(failureLine(refused)).toBe(
      "error: connect ECONNREFUSED 127.0.0.1:5432 (unexpected; run it again with DEBUG=1 to see where it happened)",
    );
  });

  it("says an unexpected error is one, on one line, and how to see where it happened", () => {
    const line = failureLine(new Error('duplicate key value\nDETAIL: Key (email)=("x@y") exists'));
    expect(line).toBe(
      "error: duplicate key value (unexpected; run it again with DEBUG=1 to see where it happened)",
    );
  });
});

describe("the command line's audit rows", () => {
  let platform: TestPlatform;

  beforeEach(async () => {
    platform = await createTestPlatform();
  });

  afterEach(async () => {
    await platform.cleanup();
  });

  function lifecycle(...args: string[]) {
    // As an operator runs it: npm names the script it started.
    return runScriptToEnd("scripts/tenant-lifecycle.ts", args, {
      ...process.env,
      DATABASE_URL: platform.centralUrl,
      TENANT_NAME_PREFIX: platform.prefix,
      npm_lifecycle_event: "tenant:suspend",
      npm_lifecycle_script: "tsx scripts/tenant-lifecycle.ts suspend",
    });
  }

  it("names the command and its operator, with the clinic, before the change", async () => {
    const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
    const clinic = await service.provisionClinic({
      name: "Alpha",
      subdomain: "alpha",
      ownerId: platform.owner.id,
    });

    const { code, stdout } = await lifecycle("suspend", "alpha", "--reason", "unpaid invoice");

    expect(code).toBe(0);
    expect(stdout).toContain("alpha is now SUSPENDED");
    const rows = await platform.central.auditEvent.findMany({ where: { action: "clinic.suspend" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: null,
      actorEmail: null,
      ip: null,
      userAgent: "command line: npm run tenant:suspend",
      targetType: "clinic",
      targetId: clinic.id,
      details: {
        subdomain: "alpha",
        reason: "unpaid invoice",
        operator: expect.stringMatching(/^.+ on .+$/),
      },
    });
  }, 60_000);

  it("writes nothing for a clinic that does not exist, and fails with one line", async () => {
    const { code, stderr } = await lifecycle("suspend", "nobody");

    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual(["error: No clinic at this address."]);
    expect(await platform.central.auditEvent.count({ where: { action: "clinic.suspend" } })).toBe(0);
  }, 60_000);
});

describe("importing a backup file from the command line", () => {
  let platform: TestPlatform;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    platform = await createTestPlatform();
    dir = await mkdtemp(path.join(tmpdir(), "backup-import-"));
    env = {
      ...platform.env,
      BACKUP_KEY: `k1:${randomBytes(32).toString("base64")}`,
      BACKUP_DIR: path.join(dir, "backups"),
    };
  });

  afterEach(async () => {
    await platform.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  const importFile = (...args: string[]) =>
    runScriptToEnd("scripts/tenant-backup-import.ts", args, {
      ...process.env,
      ...env,
      DATABASE_URL: platform.centralUrl,
      TENANT_NAME_PREFIX: platform.prefix,
    });

  it("adds a checked file to the clinic's list, audited as the command's, and refuses a damaged one with one line", async () => {
    await new ClinicDatabaseService({ central: platform.central, env }).provisionClinic({
      name: "Alpha",
      subdomain: "alpha",
      ownerId: platform.owner.id,
    });
    const service = new BackupService({ central: platform.central, env });
    const taken = await service.backupClinic("alpha");
    // The file as it would arrive from elsewhere: its row here is gone.
    const file = path.join(dir, "alpha.backup");
    await copyFile(path.join(dir, "backups", taken.filePath ?? ""), file);
    await platform.central.backup.delete({ where: { id: taken.id } });

    const damaged = path.join(dir, "damaged.backup");
    const bytes = await readFile(file);
    await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const refused = await importFile("alpha", damaged);
    expect(refused.code).toBe(1);
    // Its progress line, then the refusal on one line.
    expect(refused.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^alpha: checking .*damaged\.backup/),
      expect.stringMatching(/^error: This backup file was altered or damaged, or is truncated/),
    ]);
    expect(await platform.central.backup.count()).toBe(0);

    const { code, stdout } = await importFile("alpha", file);
    expect(code).toBe(0);
    const added = await platform.central.backup.findFirstOrThrow();
    expect(stdout).toContain(`backup ${added.id} added`);
    expect(added).toMatchObject({ status: "DONE", sha256: taken.sha256, requestedBy: null, jobId: null });
    const audit = await platform.central.auditEvent.findFirstOrThrow({ where: { action: "backup.import" } });
    expect(audit).toMatchObject({ actorId: null, userAgent: "command line: tenant-backup-import.ts" });
  }, 120_000);
});
