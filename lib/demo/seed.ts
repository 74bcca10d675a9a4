import { randomBytes } from "node:crypto";
import { hashPassword } from "../auth/password";
import { generateDemoData } from "../clinic/demo-data";
import type { CentralDb } from "../db/central";
import { withClinicClient } from "../tenancy/clinic-client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";

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
/** Staff of every demo clinic sign in with this password (e.g. receptionist@maple.test, doctor1@maple.test). */
export const DEMO_STAFF_PASSWORD = "demo-staff-password";

/**
 * The demo clinics, provisioned through the same service as any clinic and filled with a
 * practice's worth of data; existing ones are kept. `patients` is 2,000 for `npm start`.
 */
export async function seedDemoClinics(
  db: CentralDb,
  onProgress: (line: string) => void,
  options: { patients?: number } = {},
): Promise<void> {
  const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.clinicAdmin.email } });
  const service = new ClinicDatabaseService({ central: db });
  const staffPasswordHash = await hashPassword(DEMO_STAFF_PASSWORD);
  for (const demo of DEMO_CLINICS) {
    const existing = await db.clinic.findUnique({ where: { subdomain: demo.subdomain } });
    if (existing && existing.status !== "FAILED") continue;
    onProgress(`creating demo clinic ${demo.subdomain}…`);
    const clinic = await service.provisionClinic({ ...demo, ownerId: owner.id });
    const server = await db.databaseServer.findUniqueOrThrow({
      where: { id: clinic.databaseServerId ?? "" },
    });
    const summary = await withClinicClient(clinic, server, (clinicDb) =>
      generateDemoData({
        db: clinicDb,
        timeZone: demo.timezone,
        patients: options.patients ?? 2000,
        staffPasswordHash,
        emailDomain: `${demo.subdomain}.test`,
        onProgress: (line) => onProgress(`  ${demo.subdomain}: ${line}`),
      }),
    );
    onProgress(
      `  ${demo.subdomain}: ${summary.patients} patients, ${summary.doctors} doctors, ${summary.appointments} appointments`,
    );
  }
}
