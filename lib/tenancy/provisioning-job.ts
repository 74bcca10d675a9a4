import { z } from "zod";
import { AppError } from "../errors";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import type { JobContext, JobHandler } from "../jobs/runner";
import {
  CLINIC_LOCK_WAIT_MS,
  type ClinicJobOptions,
  loadClinic,
  type ProvisioningStep,
} from "./clinic-job-context";
import { clinicRoleSettings, setClinicRoleSettingsSql } from "./clinic-role-settings";
import {
  ensureTemplateDatabase,
  grantClinicDatabaseAccess,
  latestMigrationName,
  migrateClinicDatabase,
} from "./clinic-schema";
import { seedClinicDatabase } from "./clinic-seed";
import { quoteIdent, quoteLiteral } from "./names";
import { provisionClinicSchema } from "./provision-input";
import { scramVerifier } from "./role-password";
import { encryptSecret, generateDatabasePassword } from "./secrets";
import {
  dropMarkedClinicObjects,
  dropPendingDatabases,
  endEarlierAttempts,
  findServerObjects,
  foreignObjectError,
  formatMarker,
  isOwnMarker,
  type ObjectMarker,
  pendingDatabaseName,
  platformInstanceId,
  withAttemptAdmin,
} from "./server-objects";

// Each clinic role may hold this many sessions across all app processes: a runaway process
// exhausts its own clinic's allowance, not the server's.
const ROLE_CONNECTION_LIMIT = 20;

/** A provisioning job's payload: the request as the clinic admin made it (a retry reuses it). */
export const provisionPayloadSchema = z.object({ request: provisionClinicSchema });

/**
 * Provisioning as steps that each find what an earlier attempt did and finish it: a retry after a
 * crash resumes instead of starting over. Every central write is fenced by the attempt; every
 * object on the server carries this clinic's marker, and a database is complete before it gets
 * its final name.
 */
export function provisionHandler(options: ClinicJobOptions): JobHandler {
  return {
    async run(ctx) {
      const { request } = provisionPayloadSchema.parse(ctx.job.payload);
      let { clinic, server } = await loadClinic(ctx);
      if (clinic.status === "ACTIVE") return;
      if (clinic.status !== "PROVISIONING") {
        throw new AppError(
          "CONFLICT",
          `The clinic is ${clinic.status.toLowerCase()}; it is not being set up.`,
        );
      }
      await ctx.locks.lockClinic(clinic.id, CLINIC_LOCK_WAIT_MS);
      const own = { instanceId: await platformInstanceId(ctx.central), clinicId: clinic.id };
      const admin = <T>(database: string, work: Parameters<typeof withAttemptAdmin<T>>[3]) =>
        withAttemptAdmin(server, database, ctx.attempt.applicationName, work);
      const enter = async (step: ProvisioningStep) => {
        ctx.checkpoint();
        await ctx.fenced(async (tx) => {
          await tx.job.update({ where: { id: ctx.job.id }, data: { step } });
          await tx.clinic.update({ where: { id: clinic.id }, data: { provisioningStep: step } });
        });
        await options.onStep?.(step, clinic);
      };

      if (ctx.retry) {
        await admin("postgres", (client) =>
          endEarlierAttempts(client, {
            jobId: ctx.job.id,
            attempt: ctx.attempt.number,
            roleName: clinic.roleName,
          }),
        );
      }
      await enter("role");
      await setUpClinicRole(ctx, { clinic, server }, own);
      await enter("database");
      await ensureClinicDatabase({ ...options, ctx, server, clinic, own });
      await enter("access");
      await admin("postgres", (client) => grantClinicDatabaseAccess(client, clinic));
      await enter("migrations");
      await migrateClinicDatabase({
        server,
        databaseName: clinic.databaseName,
        roleName: clinic.roleName,
        schema: options.schema,
      });
      await enter("seed");
      clinic = await ctx.central.clinic.findUniqueOrThrow({ where: { id: clinic.id } });
      const owner = await ctx.central.user.findUniqueOrThrow({ where: { id: clinic.ownerId } });
      if (!(await isSeeded(server, clinic.databaseName, ctx.attempt.applicationName))) {
        await seedClinicDatabase({ clinic, server, owner, request });
      }
      await enter("active");
      const schemaVersion = await latestMigrationName(options.schema);
      await ctx.fenced((tx) =>
        tx.clinic.update({
          where: { id: clinic.id },
          data: { status: "ACTIVE", schemaVersion, lastMigrationAt: new Date(), lastMigrationError: null },
        }),
      );
    },

    async giveUp(ctx, reason) {
      const { clinic, server } = await loadClinic(ctx);
      if (clinic.status !== "PROVISIONING") return reason;
      const step = clinic.provisioningStep ?? "registered";
      await failClinicSetUp(ctx, { clinic, server }, `${step}: ${reason}`);
      return `Setting up the clinic failed at step “${step}”: ${reason} Nothing was left behind; you can try again.`;
    },
  };
}

/**
 * Giving up on setting a clinic up: the sessions of the job's earlier attempts and of the clinic's
 * role end, what carries this clinic's marker is dropped, and the clinic is FAILED with the reason.
 */
export async function failClinicSetUp(
  ctx: JobContext,
  { clinic, server }: { clinic: Clinic; server: DatabaseServer },
  statusReason: string,
): Promise<void> {
  const own = { instanceId: await platformInstanceId(ctx.central), clinicId: clinic.id };
  await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, async (client) => {
    await endEarlierAttempts(client, {
      jobId: ctx.job.id,
      attempt: ctx.attempt.number,
      roleName: clinic.roleName,
    });
    await dropMarkedClinicObjects(client, clinic, own);
  });
  await ctx.fenced((tx) =>
    tx.clinic.update({
      where: { id: clinic.id },
      data: { status: "FAILED", statusReason, rolePasswordEncrypted: null },
    }),
  );
}

/**
 * The clinic's role with a new password: encrypted on the clinic's row first (fenced), then the
 * role is created with its marker, or one an earlier attempt made gets this password.
 */
export async function setUpClinicRole(
  ctx: JobContext,
  { clinic, server }: { clinic: Clinic; server: DatabaseServer },
  own: ObjectMarker,
): Promise<void> {
  const password = generateDatabasePassword();
  await ctx.fenced((tx) =>
    tx.clinic.update({ where: { id: clinic.id }, data: { rolePasswordEncrypted: encryptSecret(password) } }),
  );
  await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, (client) =>
    ensureClinicRole(client, clinic.roleName, password, own),
  );
}

/**
 * Creates the role with its marker and its settings (statement and lock timeouts) in one
 * transaction, or gives this attempt's password and the settings to the role an earlier one made.
 */
export async function ensureClinicRole(
  admin: import("pg").Client,
  roleName: string,
  password: string,
  own: ObjectMarker,
): Promise<void> {
  const found = await findServerObjects(admin, { roleName, databaseName: "" });
  const verifier = quoteLiteral(scramVerifier(password));
  const settings = setClinicRoleSettingsSql(roleName, clinicRoleSettings());
  if (found.role) {
    if (!isOwnMarker(found.role.marker, own)) throw foreignObjectError("role", roleName);
    await admin.query(`ALTER ROLE ${quoteIdent(roleName)} LOGIN PASSWORD ${verifier};\n${settings}`);
    return;
  }
  await admin.query(
    `BEGIN;
     CREATE ROLE ${quoteIdent(roleName)} LOGIN NOINHERIT NOCREATEDB NOCREATEROLE CONNECTION LIMIT ${ROLE_CONNECTION_LIMIT} PASSWORD ${verifier};
     COMMENT ON ROLE ${quoteIdent(roleName)} IS ${quoteLiteral(formatMarker(own))};
     ${settings}
     COMMIT;`,
  );
}

/**
 * The clinic's database, made under a name of this attempt's own, marked, and only then renamed
 * to its final name: a database with the final name is always complete and this clinic's.
 */
async function ensureClinicDatabase(
  options: ClinicJobOptions & { ctx: JobContext; server: DatabaseServer; clinic: Clinic; own: ObjectMarker },
): Promise<void> {
  const { ctx, server, clinic, own } = options;
  const final = clinic.databaseName;
  const pending = pendingDatabaseName(final, ctx.attempt.number);
  const template =
    options.useTemplate === false
      ? null
      : await ensureTemplateDatabase({ server, env: options.env, schema: options.schema }).catch(() => null);
  await withAttemptAdmin(server, "postgres", ctx.attempt.applicationName, async (admin) => {
    await dropPendingDatabases(admin, final);
    const found = await findServerObjects(admin, { roleName: clinic.roleName, databaseName: final });
    if (found.database) {
      if (!isOwnMarker(found.database.marker, own)) throw foreignObjectError("database", final);
      return;
    }
    // The template only makes this faster; a plain database is migrated from empty instead.
    const created = template
      ? await admin
          .query(`CREATE DATABASE ${quoteIdent(pending)} TEMPLATE ${quoteIdent(template.name)}`)
          .then(
            () => true,
            () => false,
          )
      : false;
    if (!created) await admin.query(`CREATE DATABASE ${quoteIdent(pending)}`);
    ctx.checkpoint();
    await admin.query(`COMMENT ON DATABASE ${quoteIdent(pending)} IS ${quoteLiteral(formatMarker(own))}`);
    await admin.query(`ALTER DATABASE ${quoteIdent(pending)} RENAME TO ${quoteIdent(final)}`);
  });
}

async function isSeeded(
  server: DatabaseServer,
  databaseName: string,
  applicationName: string,
): Promise<boolean> {
  return withAttemptAdmin(server, databaseName, applicationName, async (admin) => {
    const { rows } = await admin.query<{ seeded: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM clinic_settings) AS seeded",
    );
    return rows[0]?.seeded === true;
  });
}
