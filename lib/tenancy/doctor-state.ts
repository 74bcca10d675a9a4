import type pg from "pg";
import type { CentralDb } from "../db/central";
import type { Clinic, DatabaseServer, KeptDatabase } from "../generated/central/client";
import { findKeptDatabases } from "./doctor-kept";
import { getTenantNamePrefix, templateDatabaseName } from "./names";
import { platformInstanceId } from "./server-objects";

export type DoctorClinic = Pick<
  Clinic,
  "id" | "subdomain" | "status" | "databaseName" | "roleName" | "databaseServerId"
>;

/** What the central database says: the clinics, which of them a job is working on, the kept list. */
export type CentralState = {
  instanceId: string;
  servers: DatabaseServer[];
  clinicsById: Map<string, DoctorClinic>;
  clinicsByDatabase: Map<string, DoctorClinic>;
  clinicsByRole: Map<string, DoctorClinic>;
  /** Clinics with a QUEUED or RUNNING job: under way, never repaired. */
  busy: Set<string>;
  kept: Map<string, KeptDatabase>;
};

/** A database or role on a server whose name follows this platform's naming. */
export type ServerObject = { name: string; comment: string | null };
export type ServerListing = { databases: ServerObject[]; roles: ServerObject[] };

export async function loadCentralState(central: CentralDb): Promise<CentralState> {
  const [instanceId, servers, clinics, jobs, kept] = await Promise.all([
    platformInstanceId(central),
    central.databaseServer.findMany({ orderBy: { name: "asc" } }),
    central.clinic.findMany({
      select: {
        id: true,
        subdomain: true,
        status: true,
        databaseName: true,
        roleName: true,
        databaseServerId: true,
      },
      orderBy: { subdomain: "asc" },
    }),
    central.job.findMany({
      where: { state: { in: ["QUEUED", "RUNNING"] }, clinicId: { not: null } },
      select: { clinicId: true },
    }),
    findKeptDatabases(central),
  ]);
  return {
    instanceId,
    servers,
    clinicsById: new Map(clinics.map((clinic) => [clinic.id, clinic])),
    clinicsByDatabase: new Map(clinics.map((clinic) => [clinic.databaseName, clinic])),
    clinicsByRole: new Map(clinics.map((clinic) => [clinic.roleName, clinic])),
    busy: new Set(jobs.flatMap((job) => (job.clinicId ? [job.clinicId] : []))),
    kept,
  };
}

/** This platform's names: `<prefix>clinic_<stem>_db`, its pending `_p<n>` copies, `_role`, the template. */
export type Naming = { template: string; database: RegExp; role: RegExp; like: string };

export function platformNaming(env: NodeJS.ProcessEnv = process.env): Naming {
  const prefix = getTenantNamePrefix({ env });
  return {
    template: templateDatabaseName({ env }),
    // Subdomains hold no "_", so a name ending in _db is final and one ending in _db_p<n> is pending.
    database: new RegExp(`^${prefix}clinic_[a-z0-9_]+_db(_p[0-9]+)?$`),
    role: new RegExp(`^${prefix}clinic_[a-z0-9_]+_role$`),
    like: `${prefix}clinic\\_%`,
  };
}

/** The databases and roles of a server that follow this platform's naming, with their comments. */
export async function listServerObjects(admin: pg.Client, naming: Naming): Promise<ServerListing> {
  const databases = await admin.query<ServerObject>(
    "SELECT datname AS name, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname LIKE $1 ORDER BY datname",
    [naming.like],
  );
  const roles = await admin.query<ServerObject>(
    "SELECT rolname AS name, shobj_description(oid, 'pg_authid') AS comment FROM pg_roles WHERE rolname LIKE $1 ORDER BY rolname",
    [naming.like],
  );
  return {
    databases: databases.rows.filter((row) => naming.database.test(row.name) || row.name === naming.template),
    roles: roles.rows.filter((row) => naming.role.test(row.name)),
  };
}

/** `clinic_x_db_p3` → { databaseName: "clinic_x_db", attempt: 3 }; a final name has no attempt. */
export function splitPendingName(name: string): { databaseName: string; attempt?: number } {
  const match = /^(.+_db)_p([0-9]+)$/.exec(name);
  return match?.[1] ? { databaseName: match[1], attempt: Number(match[2]) } : { databaseName: name };
}
