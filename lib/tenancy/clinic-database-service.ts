import type { CentralDb } from "../db/central";
import type { SchemaLocation } from "../db/migrations";
import { AppError } from "../errors";
import type { Clinic, ClinicStatus, DatabaseServer, User } from "../generated/central/client";
import { type ClinicAudit, recordClinicAudit } from "./clinic-audit";
import { claimClinicRow, subdomainReservationDays } from "./clinic-claim";
import {
  ensureTemplateDatabase,
  latestMigrationName,
  migrateClinicDatabase,
  withAdminClient,
} from "./clinic-schema";
import { seedClinicDatabase } from "./clinic-seed";
import { quoteIdent, quoteLiteral } from "./names";
import { type ProvisionClinicRequest, parseProvisionClinicInput } from "./provision-input";
import { scramVerifier } from "./role-password";
import { encryptSecret, generateDatabasePassword } from "./secrets";

export const PROVISIONING_STEPS = [
  "registered",
  "role",
  "database",
  "access",
  "migrations",
  "seed",
  "active",
] as const;
export type ProvisioningStep = (typeof PROVISIONING_STEPS)[number];

// Each clinic role may hold this many sessions across all app processes: a runaway process
// exhausts its own clinic's allowance, not the server's.
const ROLE_CONNECTION_LIMIT = 20;

export type ClinicDatabaseServiceOptions = {
  central: CentralDb;
  /** For TENANT_NAME_PREFIX (database, role and template names). */
  env?: NodeJS.ProcessEnv;
  /** The tenant schema and migrations (tests pass a copy). */
  schema?: SchemaLocation;
  /** How long a deleted clinic's subdomain stays reserved (SUBDOMAIN_RESERVATION_DAYS, default 30). */
  reservationDays?: number;
  /** Copy new databases from the template (default); false migrates each one from empty. */
  useTemplate?: boolean;
  /** Called as each step begins: progress for CLIs; tests throw from it to inject failures. */
  onStep?: (step: ProvisioningStep, clinic: Clinic) => void | Promise<void>;
};

/** Owns the life of each clinic's database: provision, suspend, resume, delete. */
export class ClinicDatabaseService {
  private readonly central: CentralDb;
  private readonly reservationDays: number;

  constructor(private readonly options: ClinicDatabaseServiceOptions) {
    this.central = options.central;
    this.reservationDays = options.reservationDays ?? subdomainReservationDays(options.env);
  }

  /**
   * Creates a clinic and its database, step by step (the current step is kept on the row for
   * progress displays). On any failure everything made so far is dropped, the clinic is FAILED
   * with the reason, and calling this again with the same request retries from scratch.
   */
  async provisionClinic(input: unknown): Promise<Clinic> {
    const { finished } = await this.startProvisioning(input);
    return finished;
  }

  /**
   * The first part of provisionClinic: checks the request and claims the clinic's row, so an
   * invalid or taken subdomain is refused at once; the remaining steps run on in `finished`
   * (which rejects as provisionClinic would). Consoles return after this and poll the row.
   */
  async startProvisioning(
    input: unknown,
    audit?: ClinicAudit,
  ): Promise<{ clinic: Clinic; finished: Promise<Clinic> }> {
    const request = parseProvisionClinicInput(input);
    const owner = await this.central.user.findUnique({ where: { id: request.ownerId } });
    if (owner?.role !== "CLINIC_ADMIN" || owner.status !== "ACTIVE") {
      throw new AppError("INVALID", "Only an active clinic admin can own a clinic.", {
        ownerId: "Not an active clinic admin.",
      });
    }
    const claimed = await claimClinicRow(this.central, request, {
      env: this.options.env,
      reservationDays: this.reservationDays,
      audit,
    });
    const finished = this.completeProvisioning({ ...claimed, owner, request });
    // The outcome is also on the row: a caller that only polls must not leave a rejection unhandled.
    finished.catch(() => {});
    return { clinic: claimed.clinic, finished };
  }

  private async completeProvisioning(options: {
    clinic: Clinic;
    server: DatabaseServer;
    retry: boolean;
    owner: User;
    request: ProvisionClinicRequest;
  }): Promise<Clinic> {
    const { clinic, server, owner, request } = options;
    let step: ProvisioningStep = "registered";
    const enter = async (next: ProvisioningStep) => {
      step = next;
      await this.central.clinic.update({ where: { id: clinic.id }, data: { provisioningStep: next } });
      await this.options.onStep?.(next, clinic);
    };
    try {
      // A retry may follow a crash that left objects behind; the names are this clinic's alone.
      if (options.retry) await dropClinicObjects(server, clinic);
      await enter("role");
      const password = generateDatabasePassword();
      await this.central.clinic.update({
        where: { id: clinic.id },
        data: { rolePasswordEncrypted: encryptSecret(password) },
      });
      await createClinicRole(server, clinic.roleName, password);
      await enter("database");
      await this.createDatabase(server, clinic);
      await enter("access");
      await withAdminClient(server, "postgres", (admin) =>
        admin.query(
          `REVOKE ALL ON DATABASE ${quoteIdent(clinic.databaseName)} FROM PUBLIC;
           GRANT CONNECT ON DATABASE ${quoteIdent(clinic.databaseName)} TO ${quoteIdent(clinic.roleName)}`,
        ),
      );
      await enter("migrations");
      await migrateClinicDatabase({
        server,
        databaseName: clinic.databaseName,
        roleName: clinic.roleName,
        schema: this.options.schema,
      });
      await enter("seed");
      const registered = await this.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } });
      await seedClinicDatabase({ clinic: registered, server, owner, request });
      await enter("active");
      return await this.central.clinic.update({
        where: { id: clinic.id },
        data: {
          status: "ACTIVE",
          schemaVersion: await latestMigrationName(this.options.schema),
          lastMigrationAt: new Date(),
          lastMigrationError: null,
        },
      });
    } catch (error) {
      const reason = describeFailure(error);
      await dropClinicObjects(server, clinic).catch(() => {});
      await this.central.clinic.update({
        where: { id: clinic.id },
        data: { status: "FAILED", statusReason: `${step}: ${reason}`, rolePasswordEncrypted: null },
      });
      throw new AppError(
        "UNAVAILABLE",
        `Setting up the clinic failed at step “${step}”: ${reason} Nothing was left behind; you can try again.`,
      );
    }
  }

  /**
   * Stops a clinic: its pages show "suspended", its role can no longer log in, and every staff
   * session ends for good (resuming starts with everyone signed out).
   */
  async suspendClinic(subdomain: string, reason: string | null = null, audit?: ClinicAudit): Promise<Clinic> {
    const { clinic, server } = await this.transition(subdomain, ["ACTIVE"], "SUSPENDED", reason, audit);
    try {
      await withAdminClient(server, "postgres", async (admin) => {
        await admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} NOLOGIN`);
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [
          clinic.roleName,
        ]);
      });
      // Revoked, not just refused while suspended: a cookie from before must not work after resume.
      await withAdminClient(server, clinic.databaseName, (admin) =>
        admin.query("UPDATE staff_sessions SET revoked_at = now() WHERE revoked_at IS NULL"),
      );
    } catch (error) {
      // The row must not say "suspended" while the role can still log in: undo, and say so.
      await withAdminClient(server, "postgres", (admin) =>
        admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} LOGIN`),
      ).catch(() => {});
      await this.central.$transaction(async (tx) => {
        await tx.clinic.update({ where: { id: clinic.id }, data: { status: "ACTIVE", statusReason: null } });
        await recordClinicAudit(tx, clinic, audit && { ...audit, action: `${audit.action}-undone` });
      });
      throw new AppError(
        "UNAVAILABLE",
        `The clinic could not be suspended: ${describeFailure(error)} It is still active.`,
      );
    }
    return clinic;
  }

  async resumeClinic(subdomain: string, audit?: ClinicAudit): Promise<Clinic> {
    const { clinic, server } = await this.transition(subdomain, ["SUSPENDED"], "ACTIVE", null, audit);
    await withAdminClient(server, "postgres", (admin) =>
      admin.query(`ALTER ROLE ${quoteIdent(clinic.roleName)} LOGIN`),
    );
    return clinic;
  }

  /** Drops the clinic's database and role; the row stays as DELETED and keeps its subdomain reserved. */
  async deleteClinic(subdomain: string, audit?: ClinicAudit): Promise<Clinic> {
    const { clinic, server } = await this.transition(
      subdomain,
      ["ACTIVE", "SUSPENDED", "FAILED"],
      "DELETING",
      null,
      audit,
    );
    await dropClinicObjects(server, clinic);
    return this.central.clinic.update({
      where: { id: clinic.id },
      data: { status: "DELETED", deletedAt: new Date(), rolePasswordEncrypted: null },
    });
  }

  private async createDatabase(server: DatabaseServer, clinic: Clinic) {
    const database = quoteIdent(clinic.databaseName);
    try {
      if (this.options.useTemplate === false) throw new Error("template disabled");
      const template = await ensureTemplateDatabase({
        server,
        env: this.options.env,
        schema: this.options.schema,
      });
      await withAdminClient(server, "postgres", (admin) =>
        admin.query(`CREATE DATABASE ${database} TEMPLATE ${quoteIdent(template.name)}`),
      );
    } catch {
      // The template only makes this faster; a plain database is migrated from empty instead.
      await withAdminClient(server, "postgres", async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${database}`);
      });
    }
  }

  /**
   * Moves a clinic between states atomically, with its audit row: only from one of `from`, else a
   * clear refusal and nothing written.
   */
  private async transition(
    subdomain: string,
    from: ClinicStatus[],
    to: ClinicStatus,
    reason: string | null,
    audit: ClinicAudit | undefined,
  ) {
    return this.central.$transaction(async (tx) => {
      const moved = await tx.clinic.updateMany({
        where: { subdomain, status: { in: from } },
        data: { status: to, statusReason: reason },
      });
      const clinic = await tx.clinic.findUnique({ where: { subdomain }, include: { databaseServer: true } });
      if (!clinic?.databaseServer) throw new AppError("NOT_FOUND", "No clinic at this address.");
      if (moved.count === 0) {
        throw new AppError(
          "CONFLICT",
          `The clinic is ${clinic.status.toLowerCase()}; it cannot become ${to.toLowerCase()} from there.`,
        );
      }
      await recordClinicAudit(tx, clinic, audit);
      return { clinic, server: clinic.databaseServer };
    });
  }
}

async function createClinicRole(server: DatabaseServer, roleName: string, password: string) {
  await withAdminClient(server, "postgres", (admin) =>
    admin.query(
      `CREATE ROLE ${quoteIdent(roleName)} LOGIN NOINHERIT NOCREATEDB NOCREATEROLE CONNECTION LIMIT ${ROLE_CONNECTION_LIMIT}
       PASSWORD ${quoteLiteral(scramVerifier(password))}`,
    ),
  );
}

/** Drops a clinic's database (ending its sessions) and its role, whichever of them exist. */
async function dropClinicObjects(server: DatabaseServer, clinic: Pick<Clinic, "databaseName" | "roleName">) {
  await withAdminClient(server, "postgres", async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(clinic.databaseName)} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(clinic.roleName)}`);
  });
}

function describeFailure(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const sentence = message.split("\n")[0]?.trim() ?? "unknown error";
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
