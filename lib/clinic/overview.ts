import type { TenantDb } from "@/lib/tenancy/tenant-db";

export type ClinicOverview = {
  name: string;
  timezone: string;
  locations: { id: string; name: string; address: string | null; phone: string | null; isMain: boolean }[];
};

/** What the clinic's front page shows, read from the clinic's own database. */
export async function findClinicOverview(db: TenantDb): Promise<ClinicOverview> {
  const [settings, locations] = await Promise.all([
    db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } }),
    db.location.findMany({
      where: { active: true },
      orderBy: [{ isMain: "desc" }, { name: "asc" }],
      select: { id: true, name: true, address: true, phone: true, isMain: true },
    }),
  ]);
  return { name: settings.name, timezone: settings.timezone, locations };
}
