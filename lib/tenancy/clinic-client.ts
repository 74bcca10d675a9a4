import { PrismaPg } from "@prisma/adapter-pg";
import type { Clinic, DatabaseServer } from "../generated/central/client";
import { PrismaClient as TenantClient } from "../generated/tenant/client";
import { clinicConnectionUrl } from "./servers";

/**
 * A one-off client on a clinic's database, as the clinic's own role, for work outside a request
 * (provisioning's seed, the demo data); it checks it reached the right database first. Requests
 * use the registry's pooled clients instead.
 */
export async function withClinicClient<T>(
  clinic: Pick<Clinic, "databaseName" | "roleName" | "rolePasswordEncrypted">,
  server: DatabaseServer,
  work: (db: TenantClient) => Promise<T>,
): Promise<T> {
  const db = new TenantClient({
    adapter: new PrismaPg({ connectionString: clinicConnectionUrl(clinic, server), max: 1 }),
  });
  try {
    const [{ database }] = await db.$queryRaw<[{ database: string }]>`SELECT current_database() AS database`;
    if (database !== clinic.databaseName)
      throw new Error("The clinic's connection reached the wrong database.");
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
