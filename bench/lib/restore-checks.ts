import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Manifest } from "../../lib/backups/manifest";
import type { Clinic } from "../../lib/generated/central/client";
import { withAdminClient } from "../../lib/tenancy/clinic-schema";
import { quoteIdent } from "../../lib/tenancy/names";
import type { PlatformFixture } from "../../lib/testing/platform-fixture";
import {
  countPatientsAsClinic,
  findClinicDatabases,
  manifestOf,
  matchManifest,
} from "../../lib/testing/restore-state";

/** What must hold once the restore ended, whatever it was killed at; the data's source by manifest. */
export async function checkRestoredClinic(options: {
  platform: Pick<PlatformFixture, "central" | "server">;
  clinic: Clinic;
  candidates: { before: Manifest; backup: Manifest };
  state: string;
  backupDir: string;
}) {
  const { platform, clinic, candidates, state } = options;
  const problems = await findClinicDatabaseProblems(platform, clinic);
  const data = matchManifest(await manifestOf(platform.server, clinic.databaseName), candidates);
  if (data !== (state === "SUCCEEDED" ? "backup" : "before")) problems.push(`data: ${data} after ${state}`);
  const workFiles = await readdir(path.join(options.backupDir, ".restore")).catch(() => []);
  if (workFiles.length) problems.push(`left in BACKUP_DIR/.restore: ${workFiles.join(", ")}`);
  return {
    data: data === "before" ? "data from before" : data === "backup" ? "backup's data" : "MIXED data",
    problems,
  };
}

/**
 * What must hold of a clinic's databases once a restore (from a backup or to a moment) ended: one
 * live database, open, the only one its role may connect to and read by it; no half-made one;
 * kept_databases naming exactly the databases set aside.
 */
export async function findClinicDatabaseProblems(
  platform: Pick<PlatformFixture, "central" | "server">,
  clinic: Clinic,
): Promise<string[]> {
  const problems: string[] = [];
  const databases = await findClinicDatabases(platform.server, clinic);
  const live = databases.filter((db) => db.kind === "live");
  if (live.length !== 1 || !live[0]?.allowConnections) problems.push("no live database open to connections");
  const connectable = databases.filter((db) => db.roleCanConnect).map((db) => db.name);
  if (connectable.join() !== clinic.databaseName)
    problems.push(`role can connect to: ${connectable.join(", ")}`);
  const strays = databases.filter((db) => db.kind === "pending" || db.kind === "other");
  if (strays.length) problems.push(`left over: ${strays.map((db) => db.name).join(", ")}`);
  const asides = databases.filter((db) => db.kind === "aside").map((db) => db.name);
  const kept = await platform.central.keptDatabase.findMany({
    where: { keptBy: { startsWith: "restore job " } },
  });
  if (
    kept
      .map((row) => row.databaseName)
      .sort()
      .join() !== asides.join()
  ) {
    problems.push(
      `kept_databases ${kept.map((row) => row.databaseName).join(", ")} vs aside ${asides.join(", ")}`,
    );
  }
  await countPatientsAsClinic(clinic, platform.server).catch((error: Error) =>
    problems.push(`the role cannot read: ${error.message}`),
  );
  return problems;
}

/** The databases restores set aside, dropped with their kept rows (as their expiry would), so rounds stay small. */
export async function dropAsideDatabases(
  platform: Pick<PlatformFixture, "central" | "server">,
): Promise<void> {
  const kept = await platform.central.keptDatabase.findMany({
    where: { keptBy: { startsWith: "restore job " } },
  });
  await withAdminClient(platform.server, "postgres", async (admin) => {
    for (const row of kept)
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(row.databaseName)} WITH (FORCE)`);
  });
  await platform.central.keptDatabase.deleteMany({ where: { id: { in: kept.map((row) => row.id) } } });
}
