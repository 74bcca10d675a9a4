import type pg from "pg";
import { type CentralDb, centralUrlOf } from "../db/central";
import type { DatabaseServer } from "../generated/central/client";
import { LockConnection } from "../jobs/locks";
import { ensureTemplateDatabase, withAdminClient } from "./clinic-schema";
import { classifyDatabase, classifyRole, type Finding } from "./doctor";
import { loadCentralState, type ServerObject } from "./doctor-state";
import { quoteIdent } from "./names";

export type RepairOutcome = "fixed" | "skipped" | "failed";
export type RepairResult = { finding: Finding; outcome: RepairOutcome; detail: string };

// Databases before roles: a role cannot be dropped while a database still grants it anything.
const ORDER = { "drop-database": 0, "drop-role": 1, "update-template": 2, none: 3 } as const;

/**
 * Fixes the findings that are safe to fix: drops orphaned and pending databases and orphaned
 * roles, and migrates outdated templates. Each drop happens under its clinic's lock, after
 * checking again that nothing changed since diagnose() (a job may have started meanwhile).
 */
export async function repair(
  central: CentralDb,
  findings: Finding[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<RepairResult[]> {
  const actionable = findings
    .filter((finding) => finding.action !== "none")
    .sort((a, b) => ORDER[a.action] - ORDER[b.action]);
  if (actionable.length === 0) return [];
  const locks = await LockConnection.open(centralUrlOf(central), "tenant-doctor");
  const results: RepairResult[] = [];
  try {
    for (const finding of actionable) {
      const result = await repairOne(central, locks, finding, options).catch(
        (error: unknown): Omit<RepairResult, "finding"> => ({
          outcome: "failed",
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
      results.push({ finding, ...result });
    }
  } finally {
    await locks.close();
  }
  return results;
}

async function repairOne(
  central: CentralDb,
  locks: LockConnection,
  finding: Finding,
  options: { env?: NodeJS.ProcessEnv },
): Promise<Omit<RepairResult, "finding">> {
  const server = await central.databaseServer.findUnique({ where: { id: finding.serverId ?? "" } });
  if (!server) return { outcome: "skipped", detail: "its server is no longer recorded" };
  if (finding.action === "update-template") {
    const template = await ensureTemplateDatabase({ server, env: options.env });
    return { outcome: "fixed", detail: `migrated to ${template.version}` };
  }
  const clinicId = finding.clinicId;
  if (clinicId && !(await locks.tryLock("clinic", clinicId)))
    return {
      outcome: "skipped",
      detail: "another operation is running on its clinic: run the doctor again later",
    };
  try {
    return await dropIfStillOrphaned(central, server, finding);
  } finally {
    if (clinicId) await locks.unlock("clinic", clinicId);
  }
}

async function dropIfStillOrphaned(
  central: CentralDb,
  server: DatabaseServer,
  finding: Finding,
): Promise<Omit<RepairResult, "finding">> {
  const state = await loadCentralState(central);
  const isDatabase = finding.action === "drop-database";
  return withAdminClient(server, "postgres", async (admin) => {
    const object = await findObject(admin, isDatabase ? "database" : "role", finding.object);
    if (!object) return { outcome: "skipped", detail: "already gone" };
    const now = isDatabase ? classifyDatabase(server, object, state) : classifyRole(server, object, state);
    if (now?.kind !== finding.kind || now.clinicId !== finding.clinicId)
      return { outcome: "skipped", detail: "changed since it was checked: run the doctor again" };
    if (isDatabase) {
      // FORCE ends the database's sessions first.
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(object.name)} WITH (FORCE)`);
    } else {
      await admin.query("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE usename = $1", [
        object.name,
      ]);
      await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(object.name)}`);
    }
    return { outcome: "fixed", detail: "dropped" };
  });
}

async function findObject(
  admin: pg.Client,
  kind: "database" | "role",
  name: string,
): Promise<ServerObject | null> {
  const query =
    kind === "database"
      ? "SELECT datname AS name, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1"
      : "SELECT rolname AS name, shobj_description(oid, 'pg_authid') AS comment FROM pg_roles WHERE rolname = $1";
  const { rows } = await admin.query<ServerObject>(query, [name]);
  return rows[0] ?? null;
}
