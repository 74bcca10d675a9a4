import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, localDateOf, zonedTimeToUtc } from "@/lib/clinic/time";
import { rowsOf } from "@/lib/testing/action-samples";
import { createFrontDeskClinic, type FrontDeskClinic } from "@/lib/testing/front-desk-practice";
import { TEST_CLIENT } from "@/lib/testing/requests";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { advanceOwnVisitAction } from "./advance-own-visit";
import { bookAppointmentAction } from "./book-appointment";
import { changeAppointmentStatusAction } from "./change-appointment-status";
import { rescheduleAppointmentAction } from "./reschedule-appointment";
import { searchPatientsForBookingAction } from "./search-patients";

const TZ = "America/New_York";
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
let clinic: FrontDeskClinic;
/** A patient of another clinic on the same server. */
let foreignPatientId: string;
let day = 10;

beforeAll(async () => {
  clinic = await createFrontDeskClinic("cedar", TZ);
  const other = await clinic.addClinic("cedar-other");
  const patient = await other.db.patient.create({
    data: { firstName: "Far", lastName: "Away", dateOfBirth: new Date("1970-01-01") },
  });
  foreignPatientId = patient.id;
});

afterAll(async () => {
  await clinic?.cleanup();
});

/** A fresh clinic-local day in the future for each booking, so tests never clash. */
function nextDayAt(minute: number, minutes = 20) {
  day += 1;
  const date = addDays(localDateOf(new Date(), TZ), day);
  const startsAt = zonedTimeToUtc(date, minute, TZ);
  return { startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) };
}

const booking = (overrides: Record<string, unknown> = {}) => {
  const { startsAt, endsAt } = nextDayAt(10 * 60);
  return {
    patientId: clinic.patientId,
    doctorId: clinic.members.DOCTOR.id,
    locationId: clinic.mainLocationId,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    reason: "Cough for a week",
    ...overrides,
  };
};

const counts = async () => ({
  appointments: await clinic.db.appointment.count(),
  audits: await clinic.db.auditEvent.count(),
});

/** A booked appointment written straight to the database, on a day of its own. */
const bookedAppointment = () =>
  clinic.db.appointment.create({
    data: {
      patientId: clinic.patientId,
      doctorId: clinic.members.DOCTOR.id,
      locationId: clinic.mainLocationId,
      ...nextDayAt(11 * 60),
    },
  });

const statusOf = async (appointmentId: string) =>
  (await clinic.db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status;

describe.each(rolesWith("appointments.manage"))("a %s, who manages appointments", (role) => {
  it("books an appointment, and the audit trail names ids only", async () => {
    const result = await clinic.callAs(role, bookAppointmentAction, booking());

    if (!result.ok) throw new Error(result.error.message);
    const row = await clinic.db.appointment.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row).toMatchObject({
      status: "BOOKED",
      createdById: clinic.members[role].id,
      reason: "Cough for a week",
    });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: row.id } });
    expect(audit).toMatchObject({
      action: "appointment.booked",
      actorId: clinic.members[role].id,
      ip: TEST_CLIENT.ip,
      details: {
        patientId: clinic.patientId,
        doctorId: clinic.members.DOCTOR.id,
        locationId: clinic.mainLocationId,
      },
    });
    // The patient's name, the reason and the phone; not a bare "555", which an id or a time can contain.
    for (const secret of ["Pat", "Lee", "Cough", "+1 555 010 2000"])
      expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("checks in, starts and completes an appointment, each step in the audit trail", async () => {
    // Check-in is possible on the appointment's own day only.
    const appointment = await rowsOf(clinic.db).appointment({ startsAt: new Date() });
    const result = await clinic.callAs(role, changeAppointmentStatusAction, {
      appointmentId: appointment.id,
      to: "CHECKED_IN",
    });

    expect(result).toEqual({
      ok: true,
      data: { id: appointment.id, status: "CHECKED_IN", from: "BOOKED", invoiceNotice: null },
    });
    for (const to of ["IN_PROGRESS", "COMPLETED"])
      expect(
        await clinic.callAs(role, changeAppointmentStatusAction, { appointmentId: appointment.id, to }),
      ).toMatchObject({ ok: true, data: { status: to } });
    expect(await statusOf(appointment.id)).toBe("COMPLETED");
    const trail = await clinic.db.auditEvent.findMany({
      where: { targetId: appointment.id },
      orderBy: { at: "asc" },
      select: { action: true, actorId: true, details: true },
    });
    expect(trail).toEqual(
      [
        { from: "BOOKED", to: "CHECKED_IN" },
        { from: "CHECKED_IN", to: "IN_PROGRESS" },
        { from: "IN_PROGRESS", to: "COMPLETED" },
      ].map((details) => ({
        action: "appointment.status-changed",
        actorId: clinic.members[role].id,
        details,
      })),
    );
  });

  it("searches patients for a booking, logging no search text", async () => {
    const result = await clinic.callAs(role, searchPatientsForBookingAction, { query: "lee pat" });

    expect(result).toMatchObject({
      ok: true,
      data: { total: 1, patients: [{ id: clinic.patientId, name: "Pat Lee", dateOfBirth: "1980-05-05" }] },
    });
    const audits = await clinic.db.auditEvent.findMany({
      where: { action: "patients.searched", actorId: clinic.members[role].id },
    });
    expect(audits.map((audit) => audit.details)).toEqual([{ purpose: "booking", matches: 1, page: 1 }]);
  });
});

describe.each(rolesWithout("appointments.manage"))("a %s, who does not manage appointments", (role) => {
  it("may not book an appointment, and nothing is written", async () => {
    const before = await counts();
    expect(await clinic.callAs(role, bookAppointmentAction, booking())).toEqual(ROLE_REFUSED);
    expect(await counts()).toEqual(before);
  });

  it("may not change an appointment's status", async () => {
    const appointment = await bookedAppointment();
    const audits = await clinic.db.auditEvent.count();
    const result = await clinic.callAs(role, changeAppointmentStatusAction, {
      appointmentId: appointment.id,
      to: "CHECKED_IN",
    });

    expect(result).toEqual(ROLE_REFUSED);
    expect(await statusOf(appointment.id)).toBe("BOOKED");
    expect(await clinic.db.auditEvent.count()).toBe(audits);
  });

  it("may not search patients for a booking, and the search is not logged", async () => {
    const audits = await clinic.db.auditEvent.count();
    expect(await clinic.callAs(role, searchPatientsForBookingAction, { query: "lee pat" })).toEqual(
      ROLE_REFUSED,
    );
    expect(await clinic.db.auditEvent.count()).toBe(audits);
  });
});

describe("bad input", () => {
  it("refuses an end before the start, writing nothing", async () => {
    const before = await counts();
    const { startsAt } = nextDayAt(12 * 60);
    const result = await clinic.callAs(
      "RECEPTIONIST",
      bookAppointmentAction,
      booking({
        endsAt: new Date(startsAt.getTime() - 20 * 60_000).toISOString(),
        startsAt: startsAt.toISOString(),
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { endsAt: "The end must be after the start." } },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a time in the past, writing nothing", async () => {
    const before = await counts();
    const startsAt = new Date(Date.now() - 2 * 3_600_000);
    const result = await clinic.callAs(
      "RECEPTIONIST",
      bookAppointmentAction,
      booking({
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 1_200_000).toISOString(),
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { startsAt: "Choose a time in the future." } },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses unknown ids, and a patient of another clinic, with a message on each field", async () => {
    const before = await counts();
    const unknown = await clinic.callAs(
      "RECEPTIONIST",
      bookAppointmentAction,
      booking({ doctorId: UNKNOWN, locationId: UNKNOWN, patientId: foreignPatientId }),
    );
    expect(unknown).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: {
          patientId: "No such patient in this clinic.",
          doctorId: "No such doctor in this clinic.",
          locationId: "No such active location in this clinic.",
        },
      },
    });
    const malformed = await clinic.callAs(
      "RECEPTIONIST",
      bookAppointmentAction,
      booking({ patientId: "1 OR 1=1" }),
    );
    expect(malformed).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { patientId: "Choose a patient." } },
    });
    const notADoctor = await clinic.callAs(
      "RECEPTIONIST",
      bookAppointmentAction,
      booking({ doctorId: clinic.members.NURSE.id }),
    );
    expect(notADoctor).toMatchObject({
      ok: false,
      error: { fields: { doctorId: "No such doctor in this clinic." } },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses to reschedule or change an appointment that is not this clinic's", async () => {
    const before = await counts();
    const { startsAt, endsAt } = nextDayAt(9 * 60);
    const moved = await clinic.callAs("RECEPTIONIST", rescheduleAppointmentAction, {
      appointmentId: UNKNOWN,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    });
    expect(moved).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const changed = await clinic.callAs("RECEPTIONIST", changeAppointmentStatusAction, {
      appointmentId: UNKNOWN,
      to: "NO_SHOW",
    });
    expect(changed).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a cancellation without a reason", async () => {
    const result = await clinic.callAs("RECEPTIONIST", changeAppointmentStatusAction, {
      appointmentId: UNKNOWN,
      to: "CANCELLED",
      cancelReason: " ",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { cancelReason: "Say why it is cancelled." } },
    });
  });
});

describe("rescheduling and cancelling", () => {
  it("moves a booked appointment, refuses a clash naming the other appointment, and keeps the reason out of the log", async () => {
    const first = nextDayAt(9 * 60);
    const book = async (times: { startsAt: Date; endsAt: Date }) => {
      const result = await clinic.callAs(
        "RECEPTIONIST",
        bookAppointmentAction,
        booking({ startsAt: times.startsAt.toISOString(), endsAt: times.endsAt.toISOString() }),
      );
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    };
    const a = await book(first);
    const b = await book({
      startsAt: new Date(first.startsAt.getTime() + 3_600_000),
      endsAt: new Date(first.endsAt.getTime() + 3_600_000),
    });
    const clash = await clinic.callAs("RECEPTIONIST", rescheduleAppointmentAction, {
      appointmentId: a.id,
      startsAt: new Date(b.startsAt.getTime() + 600_000).toISOString(),
      endsAt: new Date(b.endsAt.getTime() + 600_000).toISOString(),
    });
    expect(clash).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { startsAt: "This time is taken." } },
    });
    expect(b.ref).toMatch(/^[0-9A-F]{8}$/);
    expect(clash).toMatchObject({ error: { message: expect.stringContaining(`appointment ${b.ref}`) } });

    const later = new Date(first.startsAt.getTime() + 2 * 3_600_000);
    const moved = await clinic.callAs("RECEPTIONIST", rescheduleAppointmentAction, {
      appointmentId: a.id,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 1_800_000).toISOString(),
    });
    expect(moved).toMatchObject({ ok: true, data: { startsAt: later } });
    await expect(
      clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: a.id, action: "appointment.rescheduled" } }),
    ).resolves.toMatchObject({ details: { from: first.startsAt.toISOString(), to: later.toISOString() } });

    const cancelled = await clinic.callAs("RECEPTIONIST", changeAppointmentStatusAction, {
      appointmentId: a.id,
      to: "CANCELLED",
      cancelReason: "Pat is in hospital",
    });
    expect(cancelled).toMatchObject({ ok: true, data: { status: "CANCELLED" } });
    const row = await clinic.db.appointment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.cancelReason).toBe("Pat is in hospital");
    const trail = await clinic.db.auditEvent.findMany({ where: { targetId: a.id } });
    expect(JSON.stringify(trail)).not.toContain("hospital");
    const again = await clinic.callAs("RECEPTIONIST", rescheduleAppointmentAction, {
      appointmentId: a.id,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 1_800_000).toISOString(),
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Only a booked appointment can be moved." },
    });
  });

  it("refuses a reschedule longer than eight hours", async () => {
    const { startsAt } = nextDayAt(8 * 60);
    const result = await clinic.callAs("RECEPTIONIST", rescheduleAppointmentAction, {
      appointmentId: UNKNOWN,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 9 * 3_600_000).toISOString(),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { endsAt: "An appointment can last at most 8 hours." } },
    });
  });
});

describe("a doctor's own visits", () => {
  const checkedIn = (doctorId: string) => rowsOf(clinic.db).appointment({ doctorId, status: "CHECKED_IN" });

  it("starts and completes their own checked-in patient's visit, each step in the audit trail", async () => {
    const doctor = clinic.members.DOCTOR;
    const appointment = await checkedIn(doctor.id);
    for (const to of ["IN_PROGRESS", "COMPLETED"] as const)
      expect(
        await clinic.callAs("DOCTOR", advanceOwnVisitAction, { appointmentId: appointment.id, to }),
      ).toEqual({ ok: true, data: { id: appointment.id, status: to } });
    const trail = await clinic.db.auditEvent.findMany({
      where: { targetId: appointment.id },
      orderBy: { at: "asc" },
      select: { actorId: true, details: true },
    });
    expect(trail).toEqual([
      { actorId: doctor.id, details: { from: "CHECKED_IN", to: "IN_PROGRESS" } },
      { actorId: doctor.id, details: { from: "IN_PROGRESS", to: "COMPLETED" } },
    ]);
  });

  it("may not move another doctor's visit, whatever id they send", async () => {
    const appointment = await checkedIn(clinic.otherDoctor.id);
    const before = await counts();
    expect(
      await clinic.callAs("DOCTOR", advanceOwnVisitAction, {
        appointmentId: appointment.id,
        to: "IN_PROGRESS",
      }),
    ).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "This is not one of your appointments." } });
    expect(await statusOf(appointment.id)).toBe("CHECKED_IN");
    expect(await counts()).toEqual(before);
  });

  it("may not check in, cancel or mark a no-show: those stay with the front desk", async () => {
    const appointment = await rowsOf(clinic.db).appointment({ doctorId: clinic.members.DOCTOR.id });
    expect(
      await clinic.callAs("DOCTOR", advanceOwnVisitAction, {
        appointmentId: appointment.id,
        to: "CHECKED_IN",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { to: "Start or complete the visit." } },
    });
    expect(
      await clinic.callAs("DOCTOR", changeAppointmentStatusAction, {
        appointmentId: appointment.id,
        to: "CHECKED_IN",
      }),
    ).toEqual(ROLE_REFUSED);
    expect(await statusOf(appointment.id)).toBe("BOOKED");
  });
});
