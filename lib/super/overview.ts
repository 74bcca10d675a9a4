import type { CentralDb } from "../db/central";
import type { ClinicStatus, DatabaseServerStatus, UserStatus } from "../generated/central/enums";

/** The platform at a glance: clinics by status, clinic admins, database servers. */
export async function findPlatformCounts(options: { central: CentralDb }) {
  const { central } = options;
  const [clinics, admins, servers] = await Promise.all([
    central.clinic.groupBy({ by: ["status"], _count: { _all: true } }),
    central.user.groupBy({ by: ["status"], where: { role: "CLINIC_ADMIN" }, _count: { _all: true } }),
    central.databaseServer.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    clinics: tally<ClinicStatus>(clinics),
    clinicAdmins: tally<UserStatus>(admins),
    servers: tally<DatabaseServerStatus>(servers),
  };
}

function tally<S extends string>(groups: { status: S; _count: { _all: number } }[]) {
  const byStatus: Partial<Record<S, number>> = {};
  for (const group of groups) byStatus[group.status] = group._count._all;
  return { total: groups.reduce((sum, group) => sum + group._count._all, 0), byStatus };
}
