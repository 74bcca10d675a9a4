import { randomBytes } from "node:crypto";
import type pg from "pg";
import { AppError } from "../errors";
import type { DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "../tenancy/clinic-schema";
import { quoteIdent } from "../tenancy/names";
import { computeManifest, type Manifest } from "./manifest";
import { createEmptyDatabase, restoreDump } from "./restore-database";

/** What an uploaded backup holds, read from a scratch database restored from it. */
export type InspectedDump = { manifest: Manifest; clinicName: string };

/**
 * Restores a verified plaintext dump into a scratch database beside the clinic's (same server, same
 * locale), checks that it is a clinic's database, and computes its manifest there: the row an
 * upload creates is then verified by a restore like any other backup. The scratch database is
 * always dropped.
 */
export async function inspectClinicDump(options: {
  server: DatabaseServer;
  liveDatabase: string;
  dumpFile: string;
  env?: NodeJS.ProcessEnv;
}): Promise<InspectedDump> {
  const { server } = options;
  const scratch = `${options.liveDatabase.slice(0, 40)}_upload_${randomBytes(4).toString("hex")}`;
  const applicationName = `backup-upload:${scratch}`;
  try {
    await withAdminClient(server, "postgres", async (admin) =>
      createEmptyDatabase(admin, scratch, await readLocale(admin, options.liveDatabase)),
    );
    await restoreDump({
      server,
      database: scratch,
      dumpFile: options.dumpFile,
      applicationName,
      env: options.env,
    }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        "INVALID",
        `The file is not a database backup this platform can restore (${reason}).`,
      );
    });
    return await withAdminClient(server, scratch, readClinicDatabase);
  } finally {
    await withAdminClient(server, "postgres", (admin) =>
      admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)} WITH (FORCE)`),
    ).catch(() => {});
  }
}

async function readLocale(admin: pg.Client, database: string): Promise<Manifest["database"]> {
  const { rows } = await admin.query<Manifest["database"]>(
    `SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype
       FROM pg_database WHERE datname = $1`,
    [database],
  );
  const row = rows[0];
  if (!row)
    throw new AppError(
      "UNAVAILABLE",
      "The clinic's database is not on its server; check it with npm run tenant:doctor.",
    );
  return row;
}

async function readClinicDatabase(client: pg.Client): Promise<InspectedDump> {
  const { rows } = await client.query<{ settings: boolean; patients: boolean; clinics: boolean }>(
    `SELECT to_regclass('public.clinic_settings') IS NOT NULL AS settings,
            to_regclass('public.patients') IS NOT NULL AS patients,
            to_regclass('public.clinics') IS NOT NULL AS clinics`,
  );
  const tables = rows[0];
  if (tables?.clinics && !tables.settings) {
    throw new AppError("INVALID", "This is a backup of the central database, not of a clinic.");
  }
  if (!tables?.settings || !tables.patients) {
    throw new AppError(
      "INVALID",
      "This backup is not of a clinic's database: its tables are not a clinic's.",
    );
  }
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const manifest = await computeManifest(client);
    const named = await client.query<{ name: string }>(
      "SELECT name FROM clinic_settings ORDER BY id LIMIT 1",
    );
    return { manifest, clinicName: named.rows[0]?.name ?? "" };
  } finally {
    await client.query("ROLLBACK");
  }
}
