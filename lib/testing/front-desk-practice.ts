import { type ClinicFixture, createClinicFixture, type TestMember } from "./clinic-fixture";

/** What the front desk works with, besides a member of every role. */
export type FrontDeskPractice = {
  /** "Doctor Two", bookable; the fixture's DOCTOR member ("Doctor One") is bookable too. */
  otherDoctor: TestMember;
  mainLocationId: string;
  /** A second, active location where nobody works yet. */
  otherLocationId: string;
  /** Pat Lee, born 1980-05-05, phone +1 555 010 2000. */
  patientId: string;
};

export type FrontDeskClinic = ClinicFixture & FrontDeskPractice & { timeZone: string };

/**
 * Staffs the clinic for booking: the DOCTOR member and a second doctor get a profile (20-minute
 * slots) and hours at the main location every day 09:00–17:00; a second location and one patient.
 */
export async function setUpFrontDeskPractice(clinic: ClinicFixture): Promise<FrontDeskPractice> {
  const { db } = clinic;
  // Names a calendar shows, one and two: the fixture's DOCTOR member is renamed, row and record alike.
  const doctorOne = clinic.members.DOCTOR;
  await db.staffUser.update({ where: { id: doctorOne.id }, data: { name: "Doctor One" } });
  doctorOne.name = "Doctor One";
  const otherDoctor = await clinic.addMember("DOCTOR", "Doctor Two");
  const main = await db.location.findFirstOrThrow({ where: { isMain: true } });
  const other = await db.location.create({ data: { name: "Riverside" } });
  for (const [doctor, calendarColor] of [
    [doctorOne, "#1d4ed8"],
    [otherDoctor, "#be123c"],
  ] as const) {
    await db.doctorProfile.create({ data: { staffId: doctor.id, calendarColor, defaultSlotMinutes: 20 } });
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
  return { otherDoctor, mainLocationId: main.id, otherLocationId: other.id, patientId: patient.id };
}

/** A clinic fixture in `timeZone` with the front desk's practice set up (one per test file). */
export async function createFrontDeskClinic(subdomain: string, timeZone: string): Promise<FrontDeskClinic> {
  const clinic = await createClinicFixture({ subdomain, name: "Front Desk", timezone: timeZone });
  return { ...clinic, ...(await setUpFrontDeskPractice(clinic)), timeZone };
}
