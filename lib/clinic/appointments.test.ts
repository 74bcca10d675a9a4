import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { ClinicDatabaseService } from "../tenancy/clinic-database-service";
import type { TenantDb } from "../tenancy/registry";
import { TenantRegistry } from "../tenancy/registry";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { TEST_CLIENT } from "../testing/requests";
import { bookAppointmentSchema } from "../validations/appointments";
import { changeAppointmentStatus } from "./appointment-status";
import { createAppointment, rescheduleAppointment } from "./appointments";
import { computeFreeSlots, findFreeSlots } from "./availability";
import { localDateOf, zonedTimeToUtc } from "./time";

const localDate = (instant: Date) => localDateOf(instant, "Europe/Berlin");

const TZ = "Europe/Berlin";
let platform: TestPlatform;
let registry: TenantRegistry;
let db: TenantDb;
let release: () => void;
let ids: { doctor: string; otherDoctor: string; location: string; patient: string; receptionist: string };
/** The receptionist who books, as audit rows record them. */
let actor: Actor;
let harborPatientId: string;

/** Holds one clinic's client for the whole file. */
function lease(subdomain: string): Promise<TenantDb> {
  return new Promise((resolve) => {
    void registry.withTenantDb(subdomain, (client) => {
      resolve(client);
      return new Promise<void>((done) => {
        release = done;
      });
    });
  });
}

beforeAll(async () => {
  platform = await createTestPlatform();
  const service = new ClinicDatabaseService({ central: platform.central, env: platform.env });
  await service.provisionClinic({
    name: "Maple",
    subdomain: "maple",
    ownerId: platform.owner.id,
    timezone: TZ,
  });
  await service.provisionClinic({ name: "Harbor", subdomain: "harbor", ownerId: platform.owner.id });
  registry = new TenantRegistry({
    central: platform.central,
    centralUrl: platform.centralUrl,
    budget: 12,
    poolMax: 6,
  });
  harborPatientId = await registry.withTenantDb("harbor", async (harbor) => {
    const patient = await harbor.patient.create({
      data: { firstName: "Hal", lastName: "Harbor", dateOfBirth: new Date("1990-01-01") },
    });
    return patient.id;
  });
  db = await lease("maple");
  const staff = (name: string, role: "DOCTOR" | "RECEPTIONIST") =>
    db.staffUser.create({ data: { email: `${name}@maple.test`, name, role, passwordHash: "!" } });
  const doctor = await staff("dana", "DOCTOR");
  const otherDoctor = await staff("omar", "DOCTOR");
  const receptionist = await staff("rita", "RECEPTIONIST");
  for (const d of [doctor, otherDoctor])
    await db.doctorProfile.create({ data: { staffId: d.id, defaultSlotMinutes: 20 } });
  const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
  // Both doctors work around the clock here, so the rules below meet no working-hours refusal;
  // "outside working hours" has a doctor of its own.
  await db.workingHours.createMany({
    data: [doctor, otherDoctor].flatMap((d) =>
      [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        doctorId: d.id,
        locationId: location.id,
        weekday,
        startMinute: 0,
        endMinute: 1440,
      })),
    ),
  });
  const patient = await db.patient.create({
    data: { firstName: "Pat", lastName: "Lee", dateOfBirth: new Date("1980-05-05") },
  });
  ids = {
    doctor: doctor.id,
    otherDoctor: otherDoctor.id,
    location: location.id,
    patient: patient.id,
    receptionist: receptionist.id,
  };
  actor = { id: receptionist.id, email: receptionist.email, ...TEST_CLIENT };
});

afterAll(async () => {
  release?.();
  await registry.close();
  await platform.cleanup();
});

/** A bookable doctor with no hours yet. */
async function newDoctor(name: string): Promise<string> {
  const staff = await db.staffUser.create({
    data: { email: `${name}@maple.test`, name: `Dr ${name}`, role: "DOCTOR", passwordHash: "!" },
  });
  await db.doctorProfile.create({ data: { staffId: staff.id, defaultSlotMinutes: 20 } });
  return staff.id;
}

const tomorrowAt = (minute: number) => {
  const date = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return zonedTimeToUtc(date, minute, TZ);
};

const book = (
  startsAt: Date,
  minutes = 20,
  overrides: Partial<{ doctorId: string; patientId: string; locationId: string }> = {},
) =>
  createAppointment({
    db,
    timeZone: TZ,
    actor,
    request: {
      patientId: ids.patient,
      doctorId: ids.doctor,
      locationId: ids.location,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      ...overrides,
    },
  });

describe("booking", () => {
  it("lets exactly one of 20 concurrent overlapping bookings through; the rest are told which appointment clashes", async () => {
    const base = tomorrowAt(9 * 60);
    const audits = await db.auditEvent.count();
    const attempts = Array.from({ length: 20 }, (_, i) =>
      book(new Date(base.getTime() + (i % 4) * 5 * 60_000)),
    );
    const results = await Promise.allSettled(attempts);

    const booked = results.filter((result) => result.status === "fulfilled");
    expect(booked).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(19);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toBeInstanceOf(AppError);
        expect(result.reason).toMatchObject({ code: "CONFLICT" });
        expect(result.reason.message).toMatch(
          /^The doctor already has an appointment at that time \(appointment [0-9A-F]{8}, \d\d:\d\d–\d\d:\d\d\)\./,
        );
      }
    }
    expect(await db.appointment.count({ where: { doctorId: ids.doctor, startsAt: { gte: base } } })).toBe(1);
    // The booking and its audit row land together; the refused ones leave no row.
    expect(await db.auditEvent.count()).toBe(audits + 1);
    await expect(
      db.auditEvent.findFirstOrThrow({ where: { targetId: booked[0]?.value.id } }),
    ).resolves.toMatchObject({ action: "appointment.booked", actorId: actor.id, ip: TEST_CLIENT.ip });
  });

  it("has PostgreSQL itself refuse an overlap written by raw SQL, and free the time once cancelled", async () => {
    const first = await book(tomorrowAt(14 * 60));
    const insert = (start: Date) =>
      db.$executeRaw`INSERT INTO appointments (id, patient_id, doctor_id, location_id, starts_at, ends_at, updated_at)
        VALUES (gen_random_uuid(), ${ids.patient}::uuid, ${ids.doctor}::uuid, ${ids.location}::uuid, ${start}, ${new Date(start.getTime() + 600_000)}, now())`;

    await expect(insert(new Date(first.startsAt.getTime() + 5 * 60_000))).rejects.toThrow(
      /appointments_no_double_booking|23P01/,
    );
    await changeAppointmentStatus({
      db,
      actor,
      appointmentId: first.id,
      to: "CANCELLED",
      cancelReason: "Patient called",
      timeZone: TZ,
    });
    await expect(insert(new Date(first.startsAt.getTime() + 5 * 60_000))).resolves.toBe(1);
    const trail = await db.auditEvent.findMany({ where: { targetId: first.id }, orderBy: { at: "asc" } });
    expect(trail.map((event) => [event.action, event.actorId, event.details])).toEqual([
      [
        "appointment.booked",
        actor.id,
        {
          patientId: ids.patient,
          doctorId: ids.doctor,
          locationId: ids.location,
          startsAt: first.startsAt.toISOString(),
          typeId: expect.any(String),
        },
      ],
      ["appointment.status-changed", actor.id, { from: "BOOKED", to: "CANCELLED" }],
    ]);
    expect(JSON.stringify(trail)).not.toContain("Patient called");
  });

  it("books two doctors at the same time, and back-to-back appointments of one doctor", async () => {
    const start = tomorrowAt(10 * 60);
    await book(start);
    await book(start, 20, { doctorId: ids.otherDoctor });
    await expect(book(new Date(start.getTime() + 20 * 60_000))).resolves.toMatchObject({ status: "BOOKED" });
  });

  it.each([
    ["an unknown patient", { patientId: "00000000-0000-4000-8000-000000000000" }, "patientId"],
    ["an unknown doctor", { doctorId: "00000000-0000-4000-8000-000000000000" }, "doctorId"],
    ["an unknown location", { locationId: "00000000-0000-4000-8000-000000000000" }, "locationId"],
  ])("refuses %s and writes nothing", async (_label, overrides, field) => {
    const [before, audits] = [await db.appointment.count(), await db.auditEvent.count()];
    const error = await book(tomorrowAt(16 * 60), 20, overrides).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: "INVALID" });
    expect((error as AppError).fields).toHaveProperty(field);
    expect(await db.appointment.count()).toBe(before);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("refuses a patient of another clinic, a receptionist as doctor, and a time in the past", async () => {
    await expect(book(tomorrowAt(17 * 60), 20, { patientId: harborPatientId })).rejects.toMatchObject({
      code: "INVALID",
      fields: { patientId: "No such patient in this clinic." },
    });
    await expect(book(tomorrowAt(17 * 60), 20, { doctorId: ids.receptionist })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(book(new Date(Date.now() - 3_600_000))).rejects.toMatchObject({
      code: "INVALID",
      message: "That time has already passed.",
    });
  });

  it("refuses an end before the start at the boundary", () => {
    const result = bookAppointmentSchema.safeParse({
      patientId: ids.patient,
      doctorId: ids.doctor,
      locationId: ids.location,
      startsAt: "2030-01-01T10:00:00Z",
      endsAt: "2030-01-01T09:40:00Z",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["endsAt"],
      message: "The end must be after the start.",
    });
  });

  it("moves through the day's statuses in order only", async () => {
    const appointment = await book(tomorrowAt(18 * 60));
    // On the appointment's day, when check-in is possible.
    const onTheDay = { db, actor, appointmentId: appointment.id, timeZone: TZ, now: appointment.startsAt };
    await expect(changeAppointmentStatus({ ...onTheDay, to: "COMPLETED" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A booked appointment cannot become completed.",
    });
    for (const to of ["CHECKED_IN", "IN_PROGRESS", "COMPLETED"] as const) {
      await changeAppointmentStatus({ ...onTheDay, to });
    }
    expect(await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toMatchObject({
      status: "COMPLETED",
    });
  });
});

describe("the day's rules for check-in and no-show", () => {
  const at = (appointment: { id: string }, to: "CHECKED_IN" | "NO_SHOW", now: Date) =>
    changeAppointmentStatus({ db, actor, appointmentId: appointment.id, to, timeZone: TZ, now });

  it("checks a patient in only on the day of the appointment, in the clinic's time zone", async () => {
    const appointment = await book(tomorrowAt(7 * 60));
    const dayBefore = new Date(appointment.startsAt.getTime() - 24 * 3_600_000);
    await expect(at(appointment, "CHECKED_IN", dayBefore)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        /^Patients can be checked in only on the day of their appointment \(\w{3} \d{1,2} \w{3}\)\.$/,
      ),
    });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe("BOOKED");
    // 00:30 in Berlin that day is still 23:30 UTC the day before: the clinic's day counts.
    const earlyThatDay = zonedTimeToUtc(localDate(appointment.startsAt), 30, TZ);
    await expect(at(appointment, "CHECKED_IN", earlyThatDay)).resolves.toMatchObject({
      status: "CHECKED_IN",
    });
  });

  it("marks a no-show only once the appointment has started", async () => {
    const appointment = await book(tomorrowAt(20 * 60));
    const before = new Date(appointment.startsAt.getTime() - 60_000);
    await expect(at(appointment, "NO_SHOW", before)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A patient can be marked as not having come only once the appointment has started (20:00).",
    });
    await expect(at(appointment, "NO_SHOW", appointment.startsAt)).resolves.toMatchObject({
      status: "NO_SHOW",
    });
  });

  it("writes times in messages on the clinic's clock: 12-hour where the clinic keeps one", async () => {
    const appointment = await book(tomorrowAt(20 * 60 + 30));
    const before = new Date(appointment.startsAt.getTime() - 60_000);
    await expect(
      changeAppointmentStatus({
        db,
        actor,
        appointmentId: appointment.id,
        to: "NO_SHOW",
        timeZone: TZ,
        hour12: true,
        now: before,
      }),
    ).rejects.toMatchObject({
      message: "A patient can be marked as not having come only once the appointment has started (8:30 pm).",
    });
    const clash = createAppointment({
      db,
      actor,
      timeZone: TZ,
      hour12: true,
      request: {
        patientId: ids.patient,
        doctorId: ids.doctor,
        locationId: ids.location,
        startsAt: new Date(appointment.startsAt.getTime() + 10 * 60_000),
        endsAt: new Date(appointment.startsAt.getTime() + 30 * 60_000),
      },
    });
    await expect(clash).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(clash).rejects.toThrow(/\(appointment [0-9A-F]{8}, 8:30 pm–8:50 pm\)/);
  });
});

describe("outside working hours", () => {
  const date = () => localDate(tomorrowAt(12 * 60));
  const at = (minute: number, minutes = 20) => {
    const startsAt = zonedTimeToUtc(date(), minute, TZ);
    return { startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) };
  };
  let hana: string;
  const bookHana = (minute: number, options: { minutes?: number; outsideHours?: boolean } = {}) =>
    createAppointment({
      db,
      timeZone: TZ,
      actor,
      request: {
        patientId: ids.patient,
        doctorId: hana,
        locationId: ids.location,
        ...at(minute, options.minutes),
        outsideHours: options.outsideHours,
      },
    });

  beforeAll(async () => {
    hana = await newDoctor("hana");
    const weekday = new Date(`${date()}T12:00:00Z`).getUTCDay();
    await db.workingHours.create({
      data: { doctorId: hana, locationId: ids.location, weekday, startMinute: 9 * 60, endMinute: 12 * 60 },
    });
    const day = new Date(`${date()}T00:00:00Z`);
    await db.availabilityOverride.createMany({
      data: [
        { doctorId: hana, date: day, kind: "TIME_OFF", startMinute: 10 * 60, endMinute: 10 * 60 + 30 },
        { doctorId: hana, date: day, kind: "EXTRA_HOURS", startMinute: 18 * 60, endMinute: 19 * 60 },
      ],
    });
  });

  it("refuses a time outside the doctor's hours, in their time off or across the end of their day, and writes nothing", async () => {
    const before = await Promise.all([db.appointment.count(), db.auditEvent.count()]);
    for (const [minute, minutes] of [
      [13 * 60, 20],
      [10 * 60 + 20, 20],
      [11 * 60 + 50, 20],
      [8 * 60 + 50, 20],
    ] as const) {
      const refused = await bookHana(minute, { minutes }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: "CONFLICT", fields: { outsideHours: expect.any(String) } });
      expect((refused as AppError).message).toMatch(/outside Dr hana's working hours here/);
    }
    expect(await Promise.all([db.appointment.count(), db.auditEvent.count()])).toEqual(before);
  });

  it("books within regular or extra hours unmarked, even when the front desk ticked the choice", async () => {
    const regular = await bookHana(9 * 60, { outsideHours: true });
    const extra = await bookHana(18 * 60 + 40);
    expect([regular.outsideHours, extra.outsideHours]).toEqual([false, false]);
  });

  it("books outside hours when the front desk chose to, marks the appointment and audits the choice", async () => {
    const booked = await bookHana(13 * 60, { outsideHours: true });
    expect(booked.outsideHours).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: booked.id } });
    expect(audit).toMatchObject({ action: "appointment.booked", details: { outsideHours: true } });
  });

  it("asks the same choice when an appointment is moved out of the doctor's hours", async () => {
    const booked = await bookHana(11 * 60);
    const move = (outsideHours?: boolean) =>
      rescheduleAppointment({
        db,
        actor,
        appointmentId: booked.id,
        ...at(15 * 60),
        outsideHours,
        timeZone: TZ,
      });
    await expect(move()).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { outsideHours: expect.any(String) },
    });
    expect((await move(true)).outsideHours).toBe(true);
    const back = await rescheduleAppointment({
      db,
      actor,
      appointmentId: booked.id,
      ...at(11 * 60),
      timeZone: TZ,
    });
    expect(back.outsideHours).toBe(false);
  });
});

describe("availability", () => {
  const day = (date: string, input: Partial<Parameters<typeof computeFreeSlots>[0]> = {}) =>
    computeFreeSlots({
      date,
      timeZone: TZ,
      slotMinutes: 20,
      hours: [{ start: 9 * 60, end: 12 * 60 }],
      extraHours: [],
      timeOff: [],
      booked: [],
      now: new Date("2026-01-01T00:00:00Z"),
      ...input,
    }).map((slot) => slot.startsAt.toISOString().slice(11, 16));

  it("starts at the first minute of working hours and leaves no slot running past their end", () => {
    const slots = day("2026-06-10");
    expect(slots[0]).toBe("07:00"); // 09:00 in Berlin, summer
    expect(slots.at(-1)).toBe("09:40"); // 11:40; a slot from 12:00 would end after hours
    expect(slots).toHaveLength(9);
  });

  it("applies time off, extra hours and existing appointments", () => {
    const booked = [{ startsAt: new Date("2026-06-10T07:20:00Z"), endsAt: new Date("2026-06-10T07:50:00Z") }];
    const slots = day("2026-06-10", {
      timeOff: [{ start: 11 * 60, end: 12 * 60 }],
      extraHours: [{ start: 17 * 60, end: 17 * 60 + 40 }],
      booked,
    });
    expect(slots).toEqual(["07:00", "08:00", "08:20", "08:40", "15:00", "15:20"]);
    expect(day("2026-06-10", { timeOff: [{ start: 0, end: 1440 }] })).toEqual([]);
  });

  it("follows the clinic's clock across the daylight-saving change", () => {
    expect(day("2026-03-28")[0]).toBe("08:00"); // Saturday, winter time: 09:00 = 08:00Z
    expect(day("2026-03-30")[0]).toBe("07:00"); // Monday, summer time: 09:00 = 07:00Z
    // Hours across the 02:00 → 03:00 gap: no slot starts in the missing hour.
    const night = day("2026-03-29", { hours: [{ start: 60, end: 4 * 60 }], slotMinutes: 60 });
    expect(night).toEqual(["00:00", "01:00"]); // 01:00 and 03:00 Berlin
  });

  it("reads hours, overrides and bookings from the clinic's database", async () => {
    const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    const ivy = await newDoctor("ivy");
    await db.workingHours.create({
      data: {
        doctorId: ivy,
        locationId: ids.location,
        weekday,
        startMinute: 9 * 60,
        endMinute: 10 * 60,
      },
    });
    await createAppointment({
      db,
      timeZone: TZ,
      actor,
      request: {
        patientId: ids.patient,
        doctorId: ivy,
        locationId: ids.location,
        startsAt: zonedTimeToUtc(date, 9 * 60 + 20, TZ),
        endsAt: zonedTimeToUtc(date, 9 * 60 + 40, TZ),
      },
    });

    const slots = await findFreeSlots({
      db,
      doctorId: ivy,
      locationId: ids.location,
      date,
      timeZone: TZ,
    });
    expect(slots.map((slot) => slot.startsAt.getTime())).toEqual([
      zonedTimeToUtc(date, 9 * 60, TZ).getTime(),
      zonedTimeToUtc(date, 9 * 60 + 40, TZ).getTime(),
    ]);
  });
});
