import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDoctor, findDoctors } from "@/lib/clinic/doctors";
import { addDays, localDateOf } from "@/lib/clinic/time";
import {
  type ClinicFixture,
  createClinicFixture,
  type TestClinic,
  type TestMember,
} from "@/lib/testing/clinic-fixture";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { weeklyScheduleSchema } from "@/lib/validations/doctors";
import { addAvailabilityOverrideAction } from "./add-availability-override";
import { removeAvailabilityOverrideAction } from "./remove-availability-override";
import { saveDoctorProfileAction } from "./save-doctor-profile";
import { setWeeklyScheduleAction } from "./set-weekly-schedule";

let clinic: ClinicFixture;
/** A second clinic on the same platform: its ids must mean nothing to the first. */
let other: TestClinic;
let main: { id: string; name: string };
let branch: { id: string; name: string };

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "hazel" });
  other = await clinic.addClinic("hazel-other");
  main = await clinic.db.location.findFirstOrThrow({ where: { isMain: true } });
  branch = await clinic.db.location.create({ data: { name: "Hazel North" } });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const profile = (doctorId: string, overrides: Record<string, unknown> = {}) => ({
  doctorId,
  specialty: "General practice",
  licenceNumber: "GMC 1234567",
  calendarColor: "#7C3AED",
  defaultSlotMinutes: "15",
  ...overrides,
});

/** A new doctor with a saved profile. */
async function newDoctor(): Promise<TestMember> {
  const doctor = await clinic.addMember("DOCTOR");
  const result = await clinic.callAs("OWNER", saveDoctorProfileAction, profile(doctor.id));
  if (!result.ok) throw new Error(result.error.message);
  return doctor;
}

const hoursOf = (doctorId: string) =>
  clinic.db.workingHours.findMany({
    where: { doctorId },
    select: { weekday: true, startMinute: true, endMinute: true, locationId: true },
    orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
  });

/** Tomorrow and later, in the clinic's time zone (UTC for a test clinic). */
const inDays = (days: number) => addDays(localDateOf(new Date(), "UTC"), days);

const auditCount = () => clinic.db.auditEvent.count();

describe.each(rolesWith("staff.manage"))("a %s, who manages staff", (role) => {
  it("manages a doctor's profile, hours and time off, each step in the audit trail", async () => {
    const doctor = await clinic.addMember("DOCTOR");
    const saved = await clinic.callAs(role, saveDoctorProfileAction, profile(doctor.id));
    expect(saved).toEqual({
      ok: true,
      data: {
        specialty: "General practice",
        licenceNumber: "GMC 1234567",
        calendarColor: "#7c3aed",
        defaultSlotMinutes: 15,
        defaultTypeId: null,
      },
    });
    const schedule = await clinic.callAs(role, setWeeklyScheduleAction, {
      doctorId: doctor.id,
      hours: [
        { locationId: main.id, weekday: 1, start: "09:00", end: "12:30" },
        { locationId: branch.id, weekday: 1, start: "13:30", end: "17:00" },
        { locationId: main.id, weekday: 3, start: "09:00", end: "17:00" },
      ],
    });
    expect(schedule).toEqual({ ok: true, data: { intervals: 3 } });
    const timeOff = await clinic.callAs(role, addAvailabilityOverrideAction, {
      doctorId: doctor.id,
      kind: "TIME_OFF",
      date: inDays(2),
      reason: "Conference",
    });
    if (!timeOff.ok) throw new Error(timeOff.error.message);
    expect(
      await clinic.callAs(role, removeAvailabilityOverrideAction, { overrideId: timeOff.data.id }),
    ).toEqual({ ok: true, data: { id: timeOff.data.id } });
    const events = await clinic.db.auditEvent.findMany({
      where: { targetId: doctor.id },
      orderBy: { at: "asc" },
      select: { action: true, actorId: true },
    });
    expect(events).toEqual(
      ["doctor.profile-created", "doctor.hours-set", "doctor.time-off-added", "doctor.time-off-removed"].map(
        (action) => ({ action, actorId: clinic.members[role].id }),
      ),
    );
  });
});

describe.each(rolesWithout("staff.manage"))("a %s, who does not manage staff", (role) => {
  it("may not manage a doctor's profile, hours or time off, and nothing changes", async () => {
    const doctor = await clinic.addMember("DOCTOR");
    const audits = await auditCount();
    expect(await clinic.callAs(role, saveDoctorProfileAction, profile(doctor.id))).toEqual(ROLE_REFUSED);
    await clinic.db.doctorProfile.create({ data: { staffId: doctor.id } });
    const schedule = {
      doctorId: doctor.id,
      hours: [{ locationId: main.id, weekday: 1, start: "09:00", end: "12:00" }],
    };
    expect(await clinic.callAs(role, setWeeklyScheduleAction, schedule)).toEqual(ROLE_REFUSED);
    const timeOff = { doctorId: doctor.id, kind: "TIME_OFF", date: inDays(3) };
    expect(await clinic.callAs(role, addAvailabilityOverrideAction, timeOff)).toEqual(ROLE_REFUSED);
    const existing = await clinic.db.availabilityOverride.create({
      data: { doctorId: doctor.id, kind: "TIME_OFF", date: new Date(`${inDays(4)}T00:00:00Z`) },
    });
    expect(await clinic.callAs(role, removeAvailabilityOverrideAction, { overrideId: existing.id })).toEqual(
      ROLE_REFUSED,
    );

    expect(await clinic.db.doctorProfile.findUniqueOrThrow({ where: { staffId: doctor.id } })).toMatchObject({
      defaultSlotMinutes: 20,
      specialty: null,
    });
    expect(await hoursOf(doctor.id)).toEqual([]);
    expect(await clinic.db.availabilityOverride.count({ where: { doctorId: doctor.id } })).toBe(1);
    expect(await auditCount()).toBe(audits);
  });
});

describe("doctor profiles", () => {
  it("updates an existing profile", async () => {
    const doctor = await newDoctor();
    const result = await clinic.callAs(
      "MANAGER",
      saveDoctorProfileAction,
      profile(doctor.id, { specialty: "", defaultSlotMinutes: 30 }),
    );
    expect(result).toMatchObject({ ok: true, data: { specialty: null, defaultSlotMinutes: 30 } });
    const event = await clinic.db.auditEvent.findFirstOrThrow({
      where: { targetId: doctor.id },
      orderBy: { at: "desc" },
    });
    expect(event.action).toBe("doctor.profile-updated");
  });

  it("refuses a slot length outside 5–120 minutes and a colour that is not #rrggbb", async () => {
    const doctor = await clinic.addMember("DOCTOR");
    for (const [minutes, message] of [
      [4, "A slot is at least 5 minutes."],
      [121, "A slot is at most 120 minutes."],
      [12.5, "Enter whole minutes."],
    ] as const) {
      expect(
        await clinic.callAs(
          "OWNER",
          saveDoctorProfileAction,
          profile(doctor.id, { defaultSlotMinutes: minutes }),
        ),
      ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { defaultSlotMinutes: message } } });
    }
    expect(
      await clinic.callAs("OWNER", saveDoctorProfileAction, profile(doctor.id, { calendarColor: "purple" })),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { calendarColor: "Choose a colour like #0f766e." } },
    });
    expect(await clinic.db.doctorProfile.findUnique({ where: { staffId: doctor.id } })).toBeNull();
  });

  it("gives a profile only to staff with the doctor role in this clinic", async () => {
    const nurse = clinic.members.NURSE;
    expect(await clinic.callAs("OWNER", saveDoctorProfileAction, profile(nurse.id))).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: { doctorId: "Only staff with the doctor role have a doctor profile." },
      },
    });
    const elsewhere = await other.db.staffUser.create({
      data: { email: "doc@other.test", name: "Dr Elsewhere", role: "DOCTOR", passwordHash: "x" },
    });
    expect(await clinic.callAs("OWNER", saveDoctorProfileAction, profile(elsewhere.id))).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: "No such doctor in this clinic." },
    });
    expect(await clinic.db.doctorProfile.findUnique({ where: { staffId: nurse.id } })).toBeNull();
    expect(await other.db.doctorProfile.findUnique({ where: { staffId: elsewhere.id } })).toBeNull();
  });
});

describe("working hours", () => {
  it("refuses hours that overlap on one weekday, even at different locations, and keeps the old week", async () => {
    const doctor = await newDoctor();
    const week = [{ locationId: main.id, weekday: 2, start: "09:00", end: "17:00" }];
    expect(
      await clinic.callAs("OWNER", setWeeklyScheduleAction, { doctorId: doctor.id, hours: week }),
    ).toMatchObject({
      ok: true,
    });
    const audits = await auditCount();
    const result = await clinic.callAs("OWNER", setWeeklyScheduleAction, {
      doctorId: doctor.id,
      hours: [
        { locationId: main.id, weekday: 1, start: "09:00", end: "13:00" },
        { locationId: branch.id, weekday: 1, start: "12:00", end: "16:00" },
        { locationId: branch.id, weekday: 2, start: "12:00", end: "16:00" },
      ],
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "INVALID",
        message: "This overlaps other hours that day. A doctor can be in one place at a time.",
        fields: {
          "hours.1.start": "This overlaps other hours that day. A doctor can be in one place at a time.",
        },
      },
    });
    expect(await hoursOf(doctor.id)).toEqual([
      { locationId: main.id, weekday: 2, startMinute: 540, endMinute: 1020 },
    ]);
    expect(await auditCount()).toBe(audits);
  });

  it("accepts back-to-back hours at two locations and several intervals a day", async () => {
    const doctor = await newDoctor();
    const result = await clinic.callAs("OWNER", setWeeklyScheduleAction, {
      doctorId: doctor.id,
      hours: [
        { locationId: main.id, weekday: 4, start: "08:00", end: "10:00" },
        { locationId: branch.id, weekday: 4, start: "10:00", end: "12:00" },
        { locationId: main.id, weekday: 4, start: "14:00", end: "18:00" },
      ],
    });
    expect(result).toMatchObject({ ok: true, data: { intervals: 3 } });
    expect((await hoursOf(doctor.id)).map((h) => [h.startMinute, h.endMinute])).toEqual([
      [480, 600],
      [600, 720],
      [840, 1080],
    ]);
    const listed = (await findDoctors({ db: clinic.db })).find((d) => d.id === doctor.id);
    expect(listed?.locations).toEqual([main.name, branch.name].sort());
  });

  it("accepts the schema's own output (minutes), as the browser form sends it", async () => {
    const doctor = await newDoctor();
    const input = weeklyScheduleSchema.parse({
      doctorId: doctor.id,
      hours: [{ locationId: main.id, weekday: "5", start: "08:30", end: "12:00" }],
    });
    expect(await clinic.callAs("OWNER", setWeeklyScheduleAction, input)).toMatchObject({ ok: true });
    expect(await hoursOf(doctor.id)).toEqual([
      { locationId: main.id, weekday: 5, startMinute: 510, endMinute: 720 },
    ]);
  });

  it("refuses hours at a closed location or one of another clinic", async () => {
    const doctor = await newDoctor();
    const closed = await clinic.db.location.create({ data: { name: "Hazel Closed", active: false } });
    const elsewhere = await other.db.location.findFirstOrThrow();
    const result = await clinic.callAs("OWNER", setWeeklyScheduleAction, {
      doctorId: doctor.id,
      hours: [
        { locationId: main.id, weekday: 1, start: "08:00", end: "10:00" },
        { locationId: closed.id, weekday: 2, start: "08:00", end: "10:00" },
        { locationId: elsewhere.id, weekday: 3, start: "08:00", end: "10:00" },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: {
          "hours.1.locationId": "Choose one of the clinic's open locations.",
          "hours.2.locationId": "Choose one of the clinic's open locations.",
        },
      },
    });
    expect(await hoursOf(doctor.id)).toEqual([]);
  });

  it("asks for the profile before the hours", async () => {
    const doctor = await clinic.addMember("DOCTOR");
    expect(
      await clinic.callAs("OWNER", setWeeklyScheduleAction, {
        doctorId: doctor.id,
        hours: [{ locationId: main.id, weekday: 1, start: "08:00", end: "10:00" }],
      }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("time off and extra hours", () => {
  it("records time off for a whole day or for some hours", async () => {
    const doctor = await newDoctor();
    const day = await clinic.callAs("OWNER", addAvailabilityOverrideAction, {
      doctorId: doctor.id,
      kind: "TIME_OFF",
      date: inDays(5),
      hours: null,
    });
    const hours = await clinic.callAs("OWNER", addAvailabilityOverrideAction, {
      doctorId: doctor.id,
      kind: "TIME_OFF",
      date: inDays(6),
      hours: { start: "13:00", end: "15:00" },
      reason: "Dentist",
    });
    expect(day).toMatchObject({ ok: true, data: { kind: "TIME_OFF", startMinute: null, endMinute: null } });
    expect(hours).toMatchObject({ ok: true, data: { startMinute: 780, endMinute: 900, reason: "Dentist" } });
    const detail = await findDoctor({ db: clinic.db, doctorId: doctor.id, today: inDays(0) });
    expect(detail?.overrides.map((o) => o.date.toISOString().slice(0, 10))).toEqual([inDays(5), inDays(6)]);
  });

  it("adds extra hours at a location, but not over the doctor's other hours that day", async () => {
    const doctor = await newDoctor();
    const date = inDays(7);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    await clinic.callAs("OWNER", setWeeklyScheduleAction, {
      doctorId: doctor.id,
      hours: [{ locationId: main.id, weekday, start: "09:00", end: "12:00" }],
    });
    const extra = { doctorId: doctor.id, kind: "EXTRA_HOURS", date, locationId: branch.id };
    expect(
      await clinic.callAs("OWNER", addAvailabilityOverrideAction, {
        ...extra,
        hours: { start: "13:00", end: "15:00" },
      }),
    ).toMatchObject({ ok: true, data: { kind: "EXTRA_HOURS", locationId: branch.id } });
    expect(
      await clinic.callAs("OWNER", addAvailabilityOverrideAction, {
        ...extra,
        hours: { start: "11:00", end: "13:00" },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        message: expect.stringContaining(`regular hours`),
        fields: { "hours.start": expect.any(String) },
      },
    });
    expect(
      await clinic.callAs("OWNER", addAvailabilityOverrideAction, {
        ...extra,
        hours: { start: "14:00", end: "16:00" },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        message: expect.stringContaining("extra hours that day (13:00–15:00 at Hazel North)"),
      },
    });
    expect(await clinic.db.availabilityOverride.count({ where: { doctorId: doctor.id } })).toBe(1);
  });

  it("refuses extra hours without a location or hours, and dates in the past", async () => {
    const doctor = await newDoctor();
    const result = await clinic.callAs("OWNER", addAvailabilityOverrideAction, {
      doctorId: doctor.id,
      kind: "EXTRA_HOURS",
      date: inDays(3),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { locationId: "Choose a location.", hours: expect.any(String) } },
    });
    expect(
      await clinic.callAs("OWNER", addAvailabilityOverrideAction, {
        doctorId: doctor.id,
        kind: "TIME_OFF",
        date: inDays(-1),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { date: "Choose today or a later date." } },
    });
    expect(await clinic.db.availabilityOverride.count({ where: { doctorId: doctor.id } })).toBe(0);
  });

  it("does not remove an entry that is not this clinic's", async () => {
    const elsewhereDoctor = await other.db.staffUser.create({
      data: { email: "doc2@other.test", name: "Dr Far", role: "DOCTOR", passwordHash: "x" },
    });
    const elsewhere = await other.db.availabilityOverride.create({
      data: { doctorId: elsewhereDoctor.id, kind: "TIME_OFF", date: new Date(`${inDays(3)}T00:00:00Z`) },
    });
    expect(
      await clinic.callAs("OWNER", removeAvailabilityOverrideAction, { overrideId: elsewhere.id }),
    ).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: "This entry no longer exists." },
    });
    expect(await other.db.availabilityOverride.count({ where: { id: elsewhere.id } })).toBe(1);
  });
});
