import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { addDays, localDateOf, zonedTimeToUtc } from "@/lib/clinic/time";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { bookAppointmentAction } from "./book-appointment";
import { changeAppointmentStatusAction } from "./change-appointment-status";
import {
  createFrontDeskTestClinic,
  type FrontDeskTestClinic,
  ROLES,
  TEST_CLIENT,
} from "./front-desk-test-clinic";
import { rescheduleAppointmentAction } from "./reschedule-appointment";
import { searchPatientsForBookingAction } from "./search-patients";

const TZ = "America/New_York";
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
let clinic: FrontDeskTestClinic;
let day = 10;

beforeAll(async () => {
  clinic = await createFrontDeskTestClinic("cedar", TZ);
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

function callAs<R>(
  role: StaffRole,
  action: (input: unknown, context: Parameters<typeof bookAppointmentAction>[1]) => Promise<R>,
  input: unknown,
) {
  return action(input, { session: clinic.sessionOf(role), db: clinic.db, client: TEST_CLIENT });
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

const forbidden = { ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this." } };

describe.each(ROLES)("as %s", (role) => {
  const manages = clinicRoleCan(role, "appointments.manage");

  it(`${manages ? "books" : "may not book"} an appointment`, async () => {
    const before = await counts();
    const result = await callAs(role, bookAppointmentAction, booking());
    if (!manages) {
      expect(result).toEqual(forbidden);
      expect(await counts()).toEqual(before);
      return;
    }
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
    expect(JSON.stringify(audit)).not.toMatch(/Pat|Lee|Cough|555/);
  });

  it(`${manages ? "checks in, starts and completes" : "may not change"} an appointment`, async () => {
    const appointment = await clinic.db.appointment.create({
      data: {
        patientId: clinic.patientId,
        doctorId: clinic.members.DOCTOR.id,
        locationId: clinic.mainLocationId,
        ...nextDayAt(11 * 60),
      },
    });
    const result = await callAs(role, changeAppointmentStatusAction, {
      appointmentId: appointment.id,
      to: "CHECKED_IN",
    });
    const status = async () =>
      (await clinic.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status;
    if (!manages) {
      expect(result).toEqual(forbidden);
      expect(await status()).toBe("BOOKED");
      return;
    }
    expect(result).toEqual({ ok: true, data: { id: appointment.id, status: "CHECKED_IN" } });
    for (const to of ["IN_PROGRESS", "COMPLETED"])
      expect(
        await callAs(role, changeAppointmentStatusAction, { appointmentId: appointment.id, to }),
      ).toMatchObject({
        ok: true,
      });
    expect(await status()).toBe("COMPLETED");
    const trail = await clinic.db.auditEvent.findMany({
      where: { targetId: appointment.id },
      orderBy: { at: "asc" },
      select: { action: true, details: true },
    });
    expect(trail.map((event) => event.details)).toEqual([
      { from: "BOOKED", to: "CHECKED_IN" },
      { from: "CHECKED_IN", to: "IN_PROGRESS" },
      { from: "IN_PROGRESS", to: "COMPLETED" },
    ]);
  });

  it(`${manages ? "searches" : "may not search"} patients for a booking, logging no search text`, async () => {
    const result = await callAs(role, searchPatientsForBookingAction, { query: "lee pat" });
    if (!manages) {
      expect(result).toEqual(forbidden);
      return;
    }
    expect(result).toMatchObject({
      ok: true,
      data: { total: 1, patients: [{ id: clinic.patientId, name: "Pat Lee", dateOfBirth: "1980-05-05" }] },
    });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "patients.searched", actorId: clinic.members[role].id },
    });
    expect(audit.details).toEqual({ purpose: "booking", matches: 1, page: 1 });
  });
});

describe("bad input", () => {
  it("refuses an end before the start, writing nothing", async () => {
    const before = await counts();
    const { startsAt } = nextDayAt(12 * 60);
    const result = await callAs(
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
    const result = await callAs(
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
    const unknown = await callAs(
      "RECEPTIONIST",
      bookAppointmentAction,
      booking({ doctorId: UNKNOWN, locationId: UNKNOWN, patientId: clinic.foreignPatientId }),
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
    const malformed = await callAs("RECEPTIONIST", bookAppointmentAction, booking({ patientId: "1 OR 1=1" }));
    expect(malformed).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { patientId: "Choose a patient." } },
    });
    const notADoctor = await callAs(
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
    const moved = await callAs("RECEPTIONIST", rescheduleAppointmentAction, {
      appointmentId: UNKNOWN,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    });
    expect(moved).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const changed = await callAs("RECEPTIONIST", changeAppointmentStatusAction, {
      appointmentId: UNKNOWN,
      to: "NO_SHOW",
    });
    expect(changed).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a cancellation without a reason", async () => {
    const result = await callAs("RECEPTIONIST", changeAppointmentStatusAction, {
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
      const result = await callAs(
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
    const clash = await callAs("RECEPTIONIST", rescheduleAppointmentAction, {
      appointmentId: a.id,
      startsAt: new Date(b.startsAt.getTime() + 600_000).toISOString(),
      endsAt: new Date(b.endsAt.getTime() + 600_000).toISOString(),
    });
    expect(clash).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { startsAt: "This time is taken." } },
    });
    expect(clash.ok ? "" : clash.error.message).toContain(b.ref);

    const later = new Date(first.startsAt.getTime() + 2 * 3_600_000);
    const moved = await callAs("RECEPTIONIST", rescheduleAppointmentAction, {
      appointmentId: a.id,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 1_800_000).toISOString(),
    });
    expect(moved).toMatchObject({ ok: true, data: { startsAt: later } });
    await expect(
      clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: a.id, action: "appointment.rescheduled" } }),
    ).resolves.toMatchObject({ details: { from: first.startsAt.toISOString(), to: later.toISOString() } });

    const cancelled = await callAs("RECEPTIONIST", changeAppointmentStatusAction, {
      appointmentId: a.id,
      to: "CANCELLED",
      cancelReason: "Pat is in hospital",
    });
    expect(cancelled).toMatchObject({ ok: true, data: { status: "CANCELLED" } });
    const row = await clinic.db.appointment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.cancelReason).toBe("Pat is in hospital");
    const trail = await clinic.db.auditEvent.findMany({ where: { targetId: a.id } });
    expect(JSON.stringify(trail)).not.toContain("hospital");
    const again = await callAs("RECEPTIONIST", rescheduleAppointmentAction, {
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
    const result = await callAs("RECEPTIONIST", rescheduleAppointmentAction, {
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
