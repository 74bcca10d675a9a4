import { randomBytes } from "node:crypto";
import { hashPassword } from "../auth/password";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import type { CentralDb } from "./central";

/** Known sign-ins of the embedded demo only; never created on a DATABASE_URL server. */
export const DEMO_ACCOUNTS = {
  superAdmin: { email: "super@clinics.test", password: "demo-super-admin", name: "Sam Super" },
  clinicAdmin: { email: "admin@clinics.test", password: "demo-clinic-admin", name: "Casey Admin" },
} as const;

export const DEMO_CLINICS = [
  {
    subdomain: "maple",
    name: "Maple Family Clinic",
    locationName: "Maple Main Street",
    timezone: "Europe/London",
  },
  {
    subdomain: "harbor",
    name: "Harbor Pediatrics",
    locationName: "Harbor Point",
    timezone: "America/New_York",
  },
] as const;

/** First run of the embedded demo: a super admin and a clinic admin. Later runs change nothing. */
export async function seedDemo(db: CentralDb): Promise<{ seeded: boolean }> {
  if ((await db.user.count()) > 0) return { seeded: false };
  const { superAdmin, clinicAdmin } = DEMO_ACCOUNTS;
  await db.user.createMany({
    data: [
      { ...pick(superAdmin), role: "SUPER_ADMIN", passwordHash: await hashPassword(superAdmin.password) },
      { ...pick(clinicAdmin), role: "CLINIC_ADMIN", passwordHash: await hashPassword(clinicAdmin.password) },
    ],
  });
  return { seeded: true };
}

/**
 * A real deployment starts with no account at all: create one super admin with a random password
 * that is shown once and must be changed at first sign-in.
 */
export async function ensureFirstSuperAdmin(
  db: CentralDb,
  email: string,
): Promise<{ email: string; password: string } | undefined> {
  if ((await db.user.count({ where: { role: "SUPER_ADMIN" } })) > 0) return undefined;
  const password = randomBytes(12).toString("base64url");
  await db.user.create({
    data: {
      email,
      name: "Super admin",
      role: "SUPER_ADMIN",
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    },
  });
  return { email, password };
}

function pick(account: { email: string; name: string }) {
  return { email: account.email, name: account.name };
}

/** The demo clinics, provisioned through the same service as any clinic; existing ones are kept. */
export async function seedDemoClinics(db: CentralDb, onProgress: (line: string) => void): Promise<void> {
  const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.clinicAdmin.email } });
  const service = new ClinicDatabaseService({ central: db });
  for (const clinic of DEMO_CLINICS) {
    const existing = await db.clinic.findUnique({ where: { subdomain: clinic.subdomain } });
    if (existing && existing.status !== "FAILED") continue;
    onProgress(`creating demo clinic ${clinic.subdomain}…`);
    await service.provisionClinic({ ...clinic, ownerId: owner.id });
  }
}
