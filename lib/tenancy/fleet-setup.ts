import type { CentralDb } from "../db/central";
import {
  applyMigrations,
  listMigrationNames,
  MigrationError,
  SCHEMA_LOCATIONS,
  type SchemaLocation,
} from "../db/migrations";
import { AppError } from "../errors";
import { ensureTemplateDatabase } from "./clinic-schema";
import { describeError, type FleetClinic } from "./fleet-clinic";

// The steps before the clinics: central migrations, choosing the clinics, the template databases.

/** The part of a fleet run's options these steps read. */
export type FleetSetupOptions = {
  central: CentralDb;
  centralUrl: string;
  /** For TENANT_NAME_PREFIX (the template database's name). */
  env?: NodeJS.ProcessEnv;
  centralSchema?: SchemaLocation;
  /** Only these subdomains. */
  only?: string[];
  /** Only clinics whose last migration attempt failed. */
  failedOnly?: boolean;
};

export type FleetTemplateResult = { server: string; database?: string; applied: string[]; error?: string };

export async function applyCentralMigrations(options: FleetSetupOptions) {
  try {
    const applied = await applyMigrations({
      ...(options.centralSchema ?? SCHEMA_LOCATIONS.central),
      connectionString: options.centralUrl,
    });
    return { applied, pending: [] };
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    throw new MigrationError(
      `Central database: ${error.message} No clinic database was touched.`,
      error.details,
    );
  }
}

export async function findPendingCentralMigrations(options: FleetSetupOptions) {
  const names = await listMigrationNames((options.centralSchema ?? SCHEMA_LOCATIONS.central).migrationsDir);
  const rows = await options.central.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(rows.map((row) => row.migration_name));
  return { applied: [], pending: names.filter((name) => !done.has(name)) };
}

/** ACTIVE and SUSPENDED clinics (the others have no complete database), by subdomain. */
export async function selectClinics(options: FleetSetupOptions): Promise<FleetClinic[]> {
  const only = options.only ? [...new Set(options.only)] : undefined;
  const clinics = await options.central.clinic.findMany({
    where: { status: { in: ["ACTIVE", "SUSPENDED"] }, ...(only ? { subdomain: { in: only } } : {}) },
    include: { databaseServer: true },
    orderBy: { subdomain: "asc" },
  });
  if (only) await explainMissing(options.central, only, clinics);
  return options.failedOnly ? clinics.filter((clinic) => clinic.lastMigrationError !== null) : clinics;
}

async function explainMissing(central: CentralDb, only: string[], found: FleetClinic[]) {
  const missing = only.filter((subdomain) => !found.some((clinic) => clinic.subdomain === subdomain));
  if (missing.length === 0) return;
  const others = await central.clinic.findMany({
    where: { subdomain: { in: missing } },
    select: { subdomain: true, status: true },
  });
  const reasons = missing.map((subdomain) => {
    const status = others.find((clinic) => clinic.subdomain === subdomain)?.status;
    return status
      ? `${subdomain} is ${status} (only ACTIVE and SUSPENDED clinics have a complete database)`
      : `there is no clinic ${subdomain}`;
  });
  throw new AppError("NOT_FOUND", `--only: ${reasons.join("; ")}.`);
}

/** The template only speeds up new clinics, so a failure here is reported and the run goes on. */
export async function updateTemplates(
  options: FleetSetupOptions,
  schema: SchemaLocation,
  onTemplate: (template: FleetTemplateResult) => void,
) {
  const servers = await options.central.databaseServer.findMany({
    where: { status: "ACTIVE", clinics: { some: { status: { not: "DELETED" } } } },
    orderBy: { name: "asc" },
  });
  const templates: FleetTemplateResult[] = [];
  for (const server of servers) {
    const template: FleetTemplateResult = await ensureTemplateDatabase({
      server,
      env: options.env,
      schema,
    }).then(
      ({ name, applied }) => ({ server: server.name, database: name, applied }),
      (error: unknown) => ({
        server: server.name,
        applied: [],
        error: `The template database on server ${server.name} was not updated (new clinics there are migrated from empty until it is): ${describeError(error)}`,
      }),
    );
    templates.push(template);
    onTemplate(template);
  }
  return templates;
}
