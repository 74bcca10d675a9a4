import type pg from "pg";
import type { CentralDb } from "../db/central";
import { type DbTimeouts, readDbTimeouts } from "../db/connection-timeouts";
import type { DatabaseServer } from "../generated/central/client";
import { withAdminClient } from "./clinic-schema";
import { describeError } from "./fleet-clinic";
import { quoteIdent } from "./names";

/** Setting name → value in milliseconds, as `ALTER ROLE … SET` stores them (`statement_timeout=10000`). */
export type ClinicRoleSettings = Record<"statement_timeout" | "lock_timeout", string>;

/**
 * What every session of a clinic's role runs with. Set on the role, because PgBouncer 1.18 refuses
 * them as startup parameters, and a role setting reaches pooled and direct sessions alike. Both
 * stop work on the server that no request is still waiting for.
 */
export function clinicRoleSettings(timeouts: DbTimeouts = readDbTimeouts()): ClinicRoleSettings {
  return {
    // A request's whole budget (lib/db/request-budget.ts): no statement of it may run longer.
    statement_timeout: String(timeouts.connectTimeoutMs + timeouts.queryTimeoutMs),
    // A lock wait never outlasts the query that waits.
    lock_timeout: String(timeouts.queryTimeoutMs),
  };
}

/** The statements that give the role its settings (idempotent; new sessions only). */
export function setClinicRoleSettingsSql(roleName: string, settings: ClinicRoleSettings): string {
  return Object.entries(settings)
    .map(([name, value]) => `ALTER ROLE ${quoteIdent(roleName)} SET ${name} = ${Number(value)};`)
    .join("\n");
}

export type RoleSettingsOutcome = {
  server: string;
  /** Roles given the settings now, and roles that had them already. */
  updated: string[];
  unchanged: number;
  /** Why the server could not be brought up to date (unreachable, refused). */
  error?: string;
};

/**
 * Backfill for clinics made before their roles carried settings, or after the DB_* timeouts
 * changed: on every server, each clinic role whose settings differ gets them. One query per
 * server finds them; running it again changes nothing.
 */
export async function backfillClinicRoleSettings(options: {
  central: CentralDb;
  settings?: ClinicRoleSettings;
  dryRun?: boolean;
}): Promise<RoleSettingsOutcome[]> {
  const settings = options.settings ?? clinicRoleSettings();
  const servers = await options.central.databaseServer.findMany({
    where: { status: { not: "OFFLINE" } },
    orderBy: { name: "asc" },
    include: { clinics: { where: { status: { notIn: ["DELETED", "FAILED"] } }, select: { roleName: true } } },
  });
  const outcomes: RoleSettingsOutcome[] = [];
  for (const server of servers) {
    const roleNames = server.clinics.map((clinic) => clinic.roleName);
    outcomes.push(
      await backfillServer(server, roleNames, settings, options.dryRun ?? false).catch((error: unknown) => ({
        server: server.name,
        updated: [],
        unchanged: 0,
        error: describeError(error),
      })),
    );
  }
  return outcomes;
}

async function backfillServer(
  server: DatabaseServer,
  roleNames: string[],
  settings: ClinicRoleSettings,
  dryRun: boolean,
): Promise<RoleSettingsOutcome> {
  if (roleNames.length === 0) return { server: server.name, updated: [], unchanged: 0 };
  return withAdminClient(server, "postgres", async (admin) => {
    const roles = await readRoleSettings(admin, roleNames, settings);
    const stale = roles.filter((role) => !role.current).map((role) => role.name);
    if (!dryRun) for (const role of stale) await admin.query(setClinicRoleSettingsSql(role, settings));
    return { server: server.name, updated: stale, unchanged: roles.length - stale.length };
  });
}

/** The roles among `roleNames` that exist, each with whether it holds every setting at its value. */
async function readRoleSettings(
  admin: pg.Client,
  roleNames: string[],
  settings: ClinicRoleSettings,
): Promise<{ name: string; current: boolean }[]> {
  const wanted = Object.entries(settings).map(([name, value]) => `${name}=${value}`);
  const { rows } = await admin.query<{ name: string; current: boolean }>(
    `SELECT r.rolname AS name, coalesce(s.setconfig, '{}') @> $2::text[] AS current
       FROM pg_roles r
       LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0
      WHERE r.rolname = ANY($1::text[])
      ORDER BY r.rolname`,
    [roleNames, wanted],
  );
  return rows;
}
