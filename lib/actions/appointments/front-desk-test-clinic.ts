import type { AppSession } from "@/lib/auth/session";
import { StaffRole } from "@/lib/generated/tenant/enums";
import { openClinicClient } from "@/lib/tenancy/clinic-client";
import { ClinicDatabaseService } from "@/lib/tenancy/clinic-database-service";
import { type TenantDb, TenantRegistry } from "@/lib/tenancy/registry";
import { createTestPlatform, type TestPlatform } from "@/lib/testing/platform";
import type { ActionClient } from "../define-action";

export const ROLES = Object.values(StaffRole);

export type Member = { id: string; email: string; name: string; role: StaffRole };

export type FrontDeskTestClinic = {
  platform: TestPlatform;
  subdomain: string;
  timeZone: string;
  db: TenantDb;
  /** One member of every role; the DOCTOR is bookable (profile, hours at the main location every day 09–17). */
  members: Record<StaffRole, Member>;
  /** A second bookable doctor with the same hours. */
  otherDoctor: Member;
  mainLocationId: string;
  otherLocationId: string;
  patientId: string;
  /** A patient of another clinic on the same server. */
  foreignPatientId: string;
  sessionOf(role: StaffRole): AppSession;
  cleanup(): Promise<void>;
};

export const TEST_CLIENT: ActionClient = { ip: "203.0.113.9", userAgent: "vitest front desk" };

/** A platform with one real clinic in `timeZone` staffed for the front desk, and a second clinic beside it. */
export async function createFrontDeskTestClinic(
  subdomain: string,
  timeZone: string,
): Promise<FrontDeskTestClinic> {
  const platform = await createTestPlatform();
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  await service.provisionClinic({
    name: "Front Desk",
    subdomain,
    ownerId: platform.owner.id,
    timezone: timeZone,
  });
  await service.provisionClinic({
    name: "Elsewhere",
    subdomain: `${subdomain}-other`,
    ownerId: platform.owner.id,
  });
  const registry = new TenantRegistry({ central: platform.central, budget: 4, poolMax: 2 });
  const foreignPatientId = await registry.withTenantDb(`${subdomain}-other`, async (other) => {
    const patient = await other.patient.create({
      data: { firstName: "Far", lastName: "Away", dateOfBirth: new Date("1970-01-01") },
    });
    return patient.id;
  });
  const clinicClient = await openClinicClient({ central: platform.central, subdomain });
  const { db } = clinicClient;
  const addMember = (role: StaffRole, name: string) =>
    db.staffUser.create({
      data: {
        email: `${name.toLowerCase().replace(/\W+/g, ".")}@${subdomain}.test`,
        name,
        role,
        passwordHash: "!",
      },
      select: { id: true, email: true, name: true, role: true },
    });
  const members = {} as Record<StaffRole, Member>;
  for (const role of ROLES)
    members[role] = await addMember(role, `${role[0]}${role.slice(1).toLowerCase()} One`);
  const otherDoctor = await addMember("DOCTOR", "Doctor Two");
  const main = await db.location.findFirstOrThrow({ where: { isMain: true } });
  const other = await db.location.create({ data: { name: "Riverside" } });
  for (const [doctor, color] of [
    [members.DOCTOR, "#1d4ed8"],
    [otherDoctor, "#be123c"],
  ] as const) {
    await db.doctorProfile.create({
      data: { staffId: doctor.id, calendarColor: color, defaultSlotMinutes: 20 },
    });
    await db.workingHours.createMany({
      data: Array.from({ length: 7 }, (_, weekday) => ({
        doctorId: doctor.id,
        locationId: main.id,
        weekday,
        startMinute: 9 * 60,
        endMinute: 17 * 60,
      })),
    });
  }
  const patient = await db.patient.create({
    data: {
      firstName: "Pat",
      lastName: "Lee",
      dateOfBirth: new Date("1980-05-05"),
      phone: "+1 555 010 2000",
    },
  });
  return {
    platform,
    subdomain,
    timeZone,
    db,
    members,
    otherDoctor,
    mainLocationId: main.id,
    otherLocationId: other.id,
    patientId: patient.id,
    foreignPatientId,
    sessionOf: (role) => ({
      realm: { kind: "clinic", subdomain },
      sessionId: "x",
      user: members[role],
      mustChangePassword: false,
    }),
    cleanup: async () => {
      await registry.close();
      await clinicClient.close();
      await platform.cleanup();
    },
  };
}
