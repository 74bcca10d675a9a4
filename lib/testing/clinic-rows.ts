import type { Clinic, ClinicStatus } from "../generated/central/client";
import type { TestPlatform } from "./platform";

/**
 * Only a clinic's central row, named as provisioning would name it, with no database behind it:
 * enough where an action must stop before reaching the clinic's database, or reads the row alone.
 */
export function registerClinicRow(
  platform: Pick<TestPlatform, "central" | "prefix" | "server">,
  options: {
    subdomain: string;
    ownerId: string;
    status?: ClinicStatus;
    name?: string;
    databaseServerId?: string | null;
    deletedAt?: Date;
    /** Set when the clinic was ever active (a deleted one then keeps its subdomain reserved). */
    schemaVersion?: string | null;
  },
): Promise<Clinic> {
  const { subdomain } = options;
  return platform.central.clinic.create({
    data: {
      name: options.name ?? `${subdomain} clinic`,
      subdomain,
      status: options.status ?? "ACTIVE",
      ownerId: options.ownerId,
      databaseServerId:
        options.databaseServerId === undefined ? platform.server.id : options.databaseServerId,
      databaseName: `${platform.prefix}clinic_${subdomain}_db`,
      roleName: `${platform.prefix}clinic_${subdomain}_role`,
      deletedAt: options.deletedAt,
      schemaVersion: options.schemaVersion,
    },
  });
}
