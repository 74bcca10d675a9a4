import { randomBytes } from "node:crypto";
import type { CentralDb } from "../db/central";
import { parseDatabaseUrl } from "../db/database-url";
import type { User } from "../generated/central/client";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import type { ClinicFixture, TestClinic } from "./clinic-fixture";
import { registerClinicRow } from "./clinic-rows";
import { adminDatabaseUrl } from "./databases";
import { createPlatformUser } from "./platform-users";
import { freshSlot, next, rowsOf } from "./sample-rows";
import { AREA_SAMPLES } from "./samples/areas";

export { rowsOf } from "./sample-rows";

/** What samples build their input from: the fixture's clinic, a second clinic and the platform's people. */
export type SampleWorld = {
  clinic: ClinicFixture;
  other: TestClinic;
  central: CentralDb;
  /** A clinic admin who owns both clinics. */
  owner: User;
  superAdmin: User;
};

/** A valid input for an action, made fresh each time (with whatever rows it refers to). */
export type Sample = (world: SampleWorld) => Promise<unknown>;

const weekClosed = Array.from({ length: 7 }, () => []);

const row = (world: SampleWorld) => rowsOf(world.clinic.db);

async function clinicOf(world: SampleWorld, subdomain: string) {
  return world.central.clinic.findUniqueOrThrow({ where: { subdomain } });
}

/** The second clinic, in the state an action needs (suspended or active), changed without an audit row. */
async function otherClinicIn(world: SampleWorld, status: "ACTIVE" | "SUSPENDED") {
  const clinic = await clinicOf(world, world.other.subdomain);
  const service = new ClinicDatabaseService({ central: world.central });
  if (clinic.status !== status) {
    if (status === "SUSPENDED") await service.suspendClinic(clinic.subdomain);
    else await service.resumeClinic(clinic.subdomain);
  }
  return clinic;
}

/** A clinic row of the owner's that failed to set up (nothing on the server): cheap to delete. */
async function failedClinic(world: SampleWorld) {
  const subdomain = `gone${next()}`;
  return registerClinicRow(world.clinic.platform, { subdomain, ownerId: world.owner.id, status: "FAILED" });
}

const clinicAdmin = (world: SampleWorld) =>
  createPlatformUser(world.central, { role: "CLINIC_ADMIN", email: `ca${next()}@clinics.test` });

/**
 * One sample per action file under lib/actions (by its path there): a test fails when an action
 * has none, so every new action is tested by default.
 */
export const ACTION_SAMPLES = new Map<string, Sample>([
  ...AREA_SAMPLES,
  [
    "appointments/book-appointment",
    async (world) => {
      const { startsAt, endsAt } = freshSlot();
      return {
        patientId: (await row(world).patient()).id,
        doctorId: (await row(world).doctor()).id,
        locationId: (await row(world).location()).id,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        // The sample doctor has no working hours: the front desk books outside them on purpose.
        outsideHours: true,
      };
    },
  ],
  [
    "appointments/change-appointment-status",
    // Check-in is possible on the appointment's own day only: one starting now.
    async (world) => ({
      appointmentId: (await row(world).appointment({ startsAt: new Date() })).id,
      to: "CHECKED_IN",
    }),
  ],
  [
    "appointments/advance-own-visit",
    // The acting doctor's own patient, checked in and waiting.
    async (world) => {
      const doctorId = world.clinic.members.DOCTOR.id;
      await world.clinic.db.doctorProfile.upsert({
        where: { staffId: doctorId },
        create: { staffId: doctorId },
        update: {},
      });
      const appointment = await row(world).appointment({
        startsAt: freshSlot().startsAt,
        doctorId,
        status: "CHECKED_IN",
      });
      return { appointmentId: appointment.id, to: "IN_PROGRESS" };
    },
  ],
  [
    "appointments/reschedule-appointment",
    async (world) => {
      const { startsAt, endsAt } = freshSlot();
      const appointmentId = (await row(world).appointment()).id;
      return {
        appointmentId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        outsideHours: true,
      };
    },
  ],
  ["appointments/search-patients", async () => ({ query: "sample" })],
  [
    "doctors/add-availability-override",
    async (world) => ({ doctorId: (await row(world).doctor()).id, kind: "TIME_OFF", date: "2031-07-01" }),
  ],
  [
    "doctors/remove-availability-override",
    async (world) => ({ overrideId: (await row(world).override()).id }),
  ],
  [
    "doctors/save-doctor-profile",
    async (world) => ({
      doctorId: (await row(world).doctor()).id,
      calendarColor: "#112233",
      defaultSlotMinutes: 30,
    }),
  ],
  [
    "doctors/set-weekly-schedule",
    async (world) => ({
      doctorId: (await row(world).doctor()).id,
      hours: [{ locationId: (await row(world).location()).id, weekday: 1, start: "09:00", end: "12:00" }],
    }),
  ],
  ["locations/create-location", async () => ({ name: `Branch ${next()}`, openingHours: weekClosed })],
  ["locations/deactivate-location", async (world) => ({ locationId: (await row(world).location()).id })],
  ["locations/delete-location", async (world) => ({ locationId: (await row(world).location()).id })],
  ["locations/reactivate-location", async (world) => ({ locationId: (await row(world).location(false)).id })],
  [
    "locations/update-location",
    async (world) => ({
      locationId: (await row(world).location()).id,
      name: `Renamed ${next()}`,
      openingHours: weekClosed,
    }),
  ],
  [
    "patients/find-possible-duplicates",
    async () => ({ firstName: "Pat", lastName: "Sample", dateOfBirth: "1980-05-05" }),
  ],
  [
    "patients/register-patient",
    async () => ({
      firstName: "New",
      lastName: `Patient${next()}`,
      dateOfBirth: "1990-01-01",
      sex: "FEMALE",
    }),
  ],
  ["patients/search-patient-list", async () => ({ query: "sample" })],
  [
    "patients/update-patient",
    async (world) => ({
      patientId: (await row(world).patient()).id,
      firstName: "Pat",
      lastName: `Changed${next()}`,
      dateOfBirth: "1980-05-05",
      sex: "MALE",
    }),
  ],
  [
    "settings/update-clinic-settings",
    // The currency is fixed once an invoice is issued, and the billing samples issue some.
    async (world) => ({
      name: `Every Clinic ${next()}`,
      timezone: "UTC",
      currency:
        (await world.clinic.db.invoice.count({ where: { status: "ISSUED" } })) > 0
          ? (await world.clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } })).currency
          : "EUR",
    }),
  ],
  [
    "staff/change-staff-role",
    async (world) => ({ staffId: (await row(world).member("NURSE")).id, role: "BILLING" }),
  ],
  [
    "staff/create-staff-member",
    async () => ({ name: "Nia New", email: `new${next()}@sample.test`, role: "NURSE" }),
  ],
  ["staff/deactivate-staff-member", async (world) => ({ staffId: (await row(world).member("NURSE")).id })],
  ["staff/reset-staff-password", async (world) => ({ staffId: (await row(world).member("NURSE")).id })],
  [
    "staff/reactivate-staff-member",
    async (world) => ({ staffId: (await row(world).member("NURSE", "DEACTIVATED")).id }),
  ],
  [
    "admin/add-co-admin",
    async (world) => ({
      clinicId: (await clinicOf(world, world.clinic.subdomain)).id,
      email: (await clinicAdmin(world)).email,
    }),
  ],
  ["admin/check-subdomain", async () => ({ subdomain: `free${next()}` })],
  [
    "admin/create-clinic",
    async () => ({
      name: "New Clinic",
      subdomain: `new${next()}`,
      locationName: "Main clinic",
      timezone: "UTC",
    }),
  ],
  [
    "admin/delete-clinic",
    async (world) => {
      const clinic = await failedClinic(world);
      return { clinicId: clinic.id, confirmation: clinic.subdomain };
    },
  ],
  [
    "admin/get-clinic-progress",
    async (world) => ({ clinicId: (await clinicOf(world, world.clinic.subdomain)).id }),
  ],
  ["admin/open-clinic", async (world) => ({ clinicId: (await clinicOf(world, world.clinic.subdomain)).id })],
  [
    "admin/remove-co-admin",
    async (world) => {
      const clinic = await clinicOf(world, world.clinic.subdomain);
      const coAdmin = await clinicAdmin(world);
      await world.central.clinicCoAdmin.create({ data: { clinicId: clinic.id, userId: coAdmin.id } });
      return { clinicId: clinic.id, userId: coAdmin.id };
    },
  ],
  ["admin/remove-failed-clinic", async (world) => ({ clinicId: (await failedClinic(world)).id })],
  ["admin/resume-clinic", async (world) => ({ clinicId: (await otherClinicIn(world, "SUSPENDED")).id })],
  ["admin/retry-clinic-setup", async (world) => ({ clinicId: (await failedClinic(world)).id })],
  ["admin/suspend-clinic", async (world) => ({ clinicId: (await otherClinicIn(world, "ACTIVE")).id })],
  [
    "super/add-database-server",
    async () => {
      const url = parseDatabaseUrl(adminDatabaseUrl());
      return {
        name: `extra-${randomBytes(3).toString("hex")}`,
        host: url.hostname,
        port: Number(url.port || 5432),
        adminUser: decodeURIComponent(url.username),
        adminPassword: decodeURIComponent(url.password),
        capacity: 10,
      };
    },
  ],
  [
    "super/check-database-server",
    async (world) => ({
      serverId: (await world.central.databaseServer.findFirstOrThrow({ where: { isDefault: true } })).id,
    }),
  ],
  ["super/create-clinic-admin", async () => ({ name: "Eve", email: `eve${next()}@clinics.test` })],
  ["super/disable-clinic-admin", async (world) => ({ userId: (await clinicAdmin(world)).id })],
  [
    "super/enable-clinic-admin",
    async (world) => {
      const user = await clinicAdmin(world);
      await world.central.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
      return { userId: user.id };
    },
  ],
  ["super/reset-clinic-admin-password", async (world) => ({ userId: (await clinicAdmin(world)).id })],
  ["super/remove-failed-clinic", async (world) => ({ clinicId: (await failedClinic(world)).id })],
  ["super/resume-clinic", async (world) => ({ clinicId: (await otherClinicIn(world, "SUSPENDED")).id })],
  [
    "super/suspend-clinic",
    async (world) => ({ clinicId: (await otherClinicIn(world, "ACTIVE")).id, reason: "Unpaid invoices" }),
  ],
  ["super/retry-clinic-setup", async (world) => ({ clinicId: (await failedClinic(world)).id })],
  ["super/start-fleet-rollout", async () => ({})],
  [
    "super/update-database-server",
    async (world) => {
      const server = await world.central.databaseServer.findFirstOrThrow({ where: { isDefault: true } });
      return {
        serverId: server.id,
        capacity: 100 + next(),
        status: "ACTIVE",
        poolerHost: "",
        poolerPort: 6432,
      };
    },
  ],
]);
