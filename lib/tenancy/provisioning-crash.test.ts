import { afterAll, beforeAll, expect, it } from "vitest";
import { runScriptProcess } from "../testing/child-process";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { ClinicDatabaseService, PROVISIONING_STEPS } from "./clinic-database-service";
import { withAdminClient } from "./clinic-schema";
import { parseMarker } from "./server-objects";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform();
});

afterAll(async () => {
  await platform.cleanup();
});

// Each clinic's process is killed (SIGKILL) as a different step begins: everything before it is
// done, the step itself not yet. Waiting for the job takes it back (its lock is free) and resumes.
const killedAt = PROVISIONING_STEPS.filter((step) => step !== "registered");

it("resumes a set-up whose process was killed at any step, to an active clinic with nothing left over", async () => {
  const processes = killedAt.map((step) =>
    runScriptProcess(
      "lib/testing/provision-child.ts",
      [platform.centralUrl, `crash-${step}`, platform.owner.id, step],
      { ...platform.env },
    ),
  );
  try {
    await Promise.all(processes.map((child, i) => child.waitForLine(new RegExp(`^paused ${killedAt[i]}$`))));
  } finally {
    await Promise.all(processes.map((child) => child.killHard()));
  }

  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  const jobs = await platform.central.job.findMany({ where: { kind: "provision-clinic" } });
  expect(jobs).toHaveLength(killedAt.length);
  await Promise.all(jobs.map((job) => service.jobs.runUntilDone(job.id)));

  const clinics = await platform.central.clinic.findMany({ orderBy: { subdomain: "asc" } });
  expect(clinics.map((clinic) => [clinic.subdomain, clinic.status])).toEqual(
    [...killedAt].sort().map((step) => [`crash-${step}`, "ACTIVE"]),
  );
  const attempts = await platform.central.jobAttempt.findMany({
    orderBy: [{ jobId: "asc" }, { number: "asc" }],
  });
  for (const job of jobs) {
    expect(attempts.filter((attempt) => attempt.jobId === job.id).map((attempt) => attempt.state)).toEqual([
      "DIED",
      "SUCCEEDED",
    ]);
  }
  await withAdminClient(platform.server, "postgres", async (admin) => {
    const databases = await admin.query<{ datname: string; comment: string | null }>(
      "SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname LIKE $1 ORDER BY datname",
      [`${platform.prefix}clinic_crash%`],
    );
    // One database per clinic, each marked as that clinic's; no half-made (_p<n>) database left.
    expect(databases.rows.map((row) => row.datname)).toEqual(
      clinics.map((clinic) => clinic.databaseName).sort(),
    );
    for (const row of databases.rows) {
      const clinic = clinics.find((candidate) => candidate.databaseName === row.datname);
      expect(parseMarker(row.comment)?.clinicId).toBe(clinic?.id);
    }
  });
  // Seeded exactly once, whatever step the first attempt died at.
  for (const clinic of clinics) {
    await withAdminClient(platform.server, clinic.databaseName, async (db) => {
      const { rows } = await db.query<{ settings: number; staff: number; locations: number }>(
        "SELECT (SELECT count(*)::int FROM clinic_settings) AS settings, (SELECT count(*)::int FROM staff_users) AS staff, (SELECT count(*)::int FROM locations) AS locations",
      );
      expect(rows[0]).toEqual({ settings: 1, staff: 1, locations: 1 });
    });
  }
}, 180_000);
