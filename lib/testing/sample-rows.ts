import type { StaffRole } from "../generated/tenant/enums";
import type { TenantDb } from "../tenancy/registry";

let serial = 0;
/** A number no other sample row has used in this process: names, emails and days stay unique. */
export const next = () => ++serial;

/** A future slot no other sample uses: one day further out each time. */
export function freshSlot() {
  const startsAt = new Date(Date.UTC(2031, 0, 1, 9) + next() * 86_400_000);
  return { startsAt, endsAt: new Date(startsAt.getTime() + 20 * 60_000) };
}

/** The rows samples refer to, made in any clinic's database (the second clinic's give foreign ids). */
export function rowsOf(db: TenantDb) {
  const member = (role: StaffRole, status: "ACTIVE" | "DEACTIVATED" = "ACTIVE") =>
    db.staffUser.create({
      data: { email: `m${next()}@sample.test`, name: `Sam Ple ${serial}`, role, status, passwordHash: "!" },
    });
  const doctor = async () => {
    const created = await member("DOCTOR");
    await db.doctorProfile.create({ data: { staffId: created.id } });
    return created;
  };
  const location = (active = true) => db.location.create({ data: { name: `Branch ${next()}`, active } });
  const patient = () =>
    db.patient.create({
      data: { firstName: "Pat", lastName: `Sample${next()}`, dateOfBirth: new Date("1980-05-05") },
    });
  /** With a doctor of its own (unless given), so any time is free; by default on a future day. */
  const appointment = async (
    options: { startsAt?: Date; doctorId?: string; status?: "BOOKED" | "CHECKED_IN" } = {},
  ) =>
    db.appointment.create({
      data: {
        status: options.status,
        patientId: (await patient()).id,
        doctorId: options.doctorId ?? (await doctor()).id,
        locationId: (await location()).id,
        ...(options.startsAt
          ? { startsAt: options.startsAt, endsAt: new Date(options.startsAt.getTime() + 20 * 60_000) }
          : freshSlot()),
      },
    });
  const override = async () =>
    db.availabilityOverride.create({
      data: { doctorId: (await doctor()).id, date: new Date("2031-06-01"), kind: "TIME_OFF" },
    });
  return { member, doctor, location, patient, appointment, override };
}
