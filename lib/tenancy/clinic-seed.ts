import { PrismaPg } from "@prisma/adapter-pg";
import type { Clinic, DatabaseServer, User } from "../generated/central/client";
import { PrismaClient as TenantClient } from "../generated/tenant/client";
import type { ProvisionClinicRequest } from "./provision-input";
import { clinicConnectionUrl } from "./servers";

/**
 * Staff accounts of clinic admins carry no password: they sign in through a one-time ticket from
 * the admin console. No hash verifies against this value.
 */
export const TICKET_ONLY_PASSWORD_HASH = "!ticket-only";

/**
 * A new clinic's first rows, written as the clinic's own role (which also proves the role can
 * reach its database): the settings, the main location, and the owner's staff account.
 */
export async function seedClinicDatabase(options: {
  clinic: Clinic;
  server: DatabaseServer;
  owner: Pick<User, "email" | "name">;
  request: Pick<ProvisionClinicRequest, "name" | "locationName" | "timezone">;
}): Promise<void> {
  const { clinic, server, owner, request } = options;
  const db = new TenantClient({
    adapter: new PrismaPg({ connectionString: clinicConnectionUrl(clinic, server), max: 1 }),
  });
  try {
    const [{ database }] = await db.$queryRaw<[{ database: string }]>`SELECT current_database() AS database`;
    if (database !== clinic.databaseName)
      throw new Error("The clinic's connection reached the wrong database.");
    await db.$transaction([
      db.clinicSetting.create({ data: { name: request.name, timezone: request.timezone } }),
      db.location.create({ data: { name: request.locationName, isMain: true } }),
      db.staffUser.create({
        data: {
          email: owner.email,
          name: owner.name,
          role: "OWNER",
          passwordHash: TICKET_ONLY_PASSWORD_HASH,
        },
      }),
    ]);
  } finally {
    await db.$disconnect();
  }
}
