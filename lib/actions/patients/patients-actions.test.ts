import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPatient, findPatientAppointments } from "@/lib/clinic/patients";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { TEST_CLIENT } from "@/lib/testing/requests";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { findPossibleDuplicatesAction } from "./find-possible-duplicates";
import { registerPatientAction } from "./register-patient";
import { searchPatientListAction } from "./search-patient-list";
import { updatePatientAction } from "./update-patient";

let clinic: ClinicFixture;
/** A second clinic on the same platform: its ids must mean nothing to the first. */
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "rowan" });
  other = await clinic.addClinic("rowan-other");
});

afterAll(async () => {
  await clinic?.cleanup();
});

let counter = 0;
/** A patient nobody else in these tests has: a fresh name, birth date and phone. */
function newPatient(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    firstName: `Iris${counter}`,
    lastName: `Quill${counter}`,
    dateOfBirth: `1980-01-${String(counter).padStart(2, "0")}`,
    sex: "FEMALE",
    phone: `+44 20 7946 ${String(1000 + counter)}`,
    email: `iris${counter}@example.test`,
    address: "1 Lane, Town",
    emergencyContact: "Sam Quill, +44 20 7946 9999",
    notes: "Prefers mornings",
    ...overrides,
  };
}

const patientCount = () => clinic.db.patient.count();
const auditCount = () => clinic.db.auditEvent.count();

describe.each(rolesWith("patients.manage"))("a %s, who manages patients", (role) => {
  it("registers a patient with a new record number, and the audit trail names them by id only", async () => {
    const input = newPatient();
    const result = await clinic.callAs(role, registerPatientAction, input);

    if (!result.ok) throw new Error(result.error.message);
    expect(result.data).toMatchObject({
      firstName: input.firstName,
      mrn: expect.stringMatching(/^P-\d{6}$/),
    });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: result.data.id } });
    expect(audit).toMatchObject({
      action: "patient.registered",
      targetType: "patient",
      actorId: clinic.members[role].id,
      actorEmail: clinic.members[role].email,
      ip: TEST_CLIENT.ip,
      userAgent: TEST_CLIENT.userAgent,
      details: null,
    });
  });

  it("edits a patient's details, keeping the record number", async () => {
    const patient = await clinic.db.patient.create({
      data: { firstName: "Edit", lastName: `Me${role}`, dateOfBirth: new Date("1970-05-05") },
    });
    const result = await clinic.callAs(role, updatePatientAction, {
      ...newPatient({ firstName: "Edited", lastName: `Me${role}`, dateOfBirth: "1970-05-06" }),
      patientId: patient.id,
    });

    expect(result).toMatchObject({ ok: true, data: { firstName: "Edited", mrn: patient.mrn } });
    const row = await clinic.db.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(row).toMatchObject({ firstName: "Edited", mrn: patient.mrn });
    expect(row.dateOfBirth.toISOString().slice(0, 10)).toBe("1970-05-06");
  });

  it("looks up possible duplicates of a registration", async () => {
    const input = newPatient();
    expect(await clinic.callAs(role, findPossibleDuplicatesAction, input)).toEqual({ ok: true, data: [] });
  });
});

describe.each(rolesWithout("patients.manage"))("a %s, who does not manage patients", (role) => {
  it("may not register a patient, and nothing is written", async () => {
    const [patients, audits] = [await patientCount(), await auditCount()];
    expect(await clinic.callAs(role, registerPatientAction, newPatient())).toEqual(ROLE_REFUSED);
    expect(await patientCount()).toBe(patients);
    expect(await auditCount()).toBe(audits);
  });

  it("may not edit a patient's details", async () => {
    const patient = await clinic.db.patient.create({
      data: { firstName: "Edit", lastName: `Me${role}`, dateOfBirth: new Date("1970-05-05") },
    });
    const audits = await auditCount();
    const result = await clinic.callAs(role, updatePatientAction, {
      ...newPatient({ firstName: "Edited", lastName: `Me${role}`, dateOfBirth: "1970-05-06" }),
      patientId: patient.id,
    });

    expect(result).toEqual(ROLE_REFUSED);
    expect(await clinic.db.patient.findUniqueOrThrow({ where: { id: patient.id } })).toEqual(patient);
    expect(await auditCount()).toBe(audits);
  });

  it("may not look up possible duplicates (kept to those who register patients)", async () => {
    expect(await clinic.callAs(role, findPossibleDuplicatesAction, newPatient())).toEqual(ROLE_REFUSED);
  });
});

describe("registering a possible duplicate", () => {
  it("warns with the candidates, changes nothing, and registers once confirmed", async () => {
    const first = newPatient({ firstName: "Hedy", lastName: "Lamarr", dateOfBirth: "1914-11-09" });
    const registered = await clinic.callAs("RECEPTIONIST", registerPatientAction, first);
    if (!registered.ok) throw new Error(registered.error.message);

    const again = { ...newPatient(), firstName: "HEDY", lastName: "lamarr", dateOfBirth: "1914-11-09" };
    const [patients, audits] = [await patientCount(), await auditCount()];
    const warned = await clinic.callAs("RECEPTIONIST", registerPatientAction, again);
    expect(warned).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        message: expect.stringContaining(`${registered.data.mrn} Hedy Lamarr`),
        fields: { confirmNotDuplicate: "Possible duplicate" },
      },
    });
    expect(await patientCount()).toBe(patients);
    expect(await auditCount()).toBe(audits);

    const candidates = await clinic.callAs("RECEPTIONIST", findPossibleDuplicatesAction, again);
    expect(candidates).toEqual({
      ok: true,
      data: [
        {
          id: registered.data.id,
          mrn: registered.data.mrn,
          firstName: "Hedy",
          lastName: "Lamarr",
          dateOfBirth: "1914-11-09",
          phone: first.phone,
        },
      ],
    });

    const confirmed = await clinic.callAs("RECEPTIONIST", registerPatientAction, {
      ...again,
      confirmNotDuplicate: true,
    });
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    expect(confirmed.data.mrn).not.toBe(registered.data.mrn);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: confirmed.data.id } });
    expect(audit.details).toEqual({ confirmedNotDuplicate: true });
  });
});

describe("text PostgreSQL cannot store", () => {
  it("refuses a NUL character in any field, on that field, and writes nothing", async () => {
    const patients = await patientCount();
    for (const [field, value] of [
      ["lastName", "Quill\u0000"],
      ["notes", "line\u0000"],
    ] as const) {
      const result = await clinic.callAs(
        "RECEPTIONIST",
        registerPatientAction,
        newPatient({ [field]: value }),
      );
      expect(result).toEqual({
        ok: false,
        error: {
          code: "INVALID",
          message: "Remove the invisible NUL character from this text.",
          fields: { [field]: "Remove the invisible NUL character from this text." },
        },
      });
    }
    const search = await clinic.callAs("RECEPTIONIST", searchPatientListAction, { query: "Qu\u0000" });
    expect(search).toMatchObject({ ok: false, error: { code: "INVALID" } });
    expect(await patientCount()).toBe(patients);
  });
});

describe("the audit trail", () => {
  it("names the patient by id only, and lists which fields an edit changed without their values", async () => {
    const input = newPatient({ firstName: "Private", lastName: "Person", notes: "Sensitive note" });
    const result = await clinic.callAs("NURSE", registerPatientAction, input);
    if (!result.ok) throw new Error(result.error.message);
    const edited = await clinic.callAs("NURSE", updatePatientAction, {
      ...input,
      patientId: result.data.id,
      phone: "+44 20 7946 5555",
      notes: "Another sensitive note",
    });
    expect(edited.ok).toBe(true);
    const events = await clinic.db.auditEvent.findMany({
      where: { targetId: result.data.id },
      orderBy: { at: "asc" },
    });
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["patient.registered", null],
      ["patient.updated", { fields: "notes,phone" }],
    ]);
    const text = JSON.stringify(events);
    for (const secret of ["Private", "Person", "Sensitive", "+44 20 7946 5555", input.phone, input.email])
      expect(text).not.toContain(secret);
  });

  it("writes nothing when an edit changes nothing", async () => {
    const input = newPatient();
    const result = await clinic.callAs("OWNER", registerPatientAction, input);
    if (!result.ok) throw new Error(result.error.message);
    const audits = await auditCount();
    expect(
      await clinic.callAs("OWNER", updatePatientAction, { ...input, patientId: result.data.id }),
    ).toMatchObject({
      ok: true,
    });
    expect(await auditCount()).toBe(audits);
  });
});

describe("a search on the patient list", () => {
  const searches = (actorId: string) =>
    clinic.db.auditEvent.findMany({ where: { action: "patients.searched", actorId } });

  it.each(rolesWith("patients.view"))(
    "is audited for a %s (who, how many matches, never the text), then opens the results' URL",
    async (role) => {
      const member = clinic.members[role];
      const before = await searches(member.id);
      await clinic.db.patient.create({
        data: { firstName: "Searchable", lastName: `Zebedee${role}`, dateOfBirth: new Date("1970-01-01") },
      });
      const result = await clinic.callAs(role, searchPatientListAction, { query: ` zebedee${role} ` });

      expect(result).toEqual({ ok: true, data: { href: `/patients?q=zebedee${role}` } });
      const after = await searches(member.id);
      expect(after).toHaveLength(before.length + 1);
      expect(after.at(-1)?.details).toEqual({ purpose: "patient-list", matches: 1 });
      expect(JSON.stringify(after)).not.toMatch(/zebedee/i);
    },
  );

  it("is no search when the box is empty: the whole list, nothing audited", async () => {
    const before = await searches(clinic.members.RECEPTIONIST.id);
    expect(await clinic.callAs("RECEPTIONIST", searchPatientListAction, { query: "  " })).toEqual({
      ok: true,
      data: { href: "/patients" },
    });
    expect(await searches(clinic.members.RECEPTIONIST.id)).toHaveLength(before.length);
  });
});

describe("bad requests", () => {
  it("refuses bad input with a message per field and changes nothing", async () => {
    const patients = await patientCount();
    const result = await clinic.callAs("RECEPTIONIST", registerPatientAction, {
      firstName: " ",
      lastName: "X",
      dateOfBirth: "2999-01-01",
      sex: "ROBOT",
      email: "not-an-email",
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: {
          firstName: "Enter the first name.",
          dateOfBirth: "The date of birth must be in the past.",
          email: "Enter a valid email address.",
          sex: expect.any(String),
        },
      },
    });
    expect(await patientCount()).toBe(patients);
  });

  it("does not find a patient of another clinic, nor one that does not exist", async () => {
    const elsewhere = await other.db.patient.create({
      data: { firstName: "Far", lastName: "Away", dateOfBirth: new Date("1990-01-01") },
    });
    const input = { ...newPatient(), patientId: elsewhere.id };
    expect(await clinic.callAs("OWNER", updatePatientAction, input)).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND", message: "No such patient in this clinic." },
    });
    expect(await other.db.patient.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({
      firstName: "Far",
    });
    expect(await findPatient({ db: clinic.db, patientId: elsewhere.id })).toBeNull();
    expect(await findPatient({ db: clinic.db, patientId: "not-a-uuid" })).toBeNull();
    expect(await clinic.callAs("OWNER", updatePatientAction, { ...input, patientId: "1" })).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { patientId: "Choose a patient." } },
    });
  });
});

describe("a patient's appointments", () => {
  it("lists them newest first with the doctor and the location", async () => {
    const { db, members } = clinic;
    const patient = await db.patient.create({
      data: { firstName: "Visit", lastName: "Often", dateOfBirth: new Date("1960-02-02") },
    });
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const doctor = members.DOCTOR;
    const at = (iso: string, minutes = 20) => ({
      startsAt: new Date(iso),
      endsAt: new Date(new Date(iso).getTime() + minutes * 60_000),
    });
    await db.appointment.createMany({
      data: [
        {
          patientId: patient.id,
          doctorId: doctor.id,
          locationId: location.id,
          ...at("2030-03-01T09:00:00Z"),
        },
        {
          patientId: patient.id,
          doctorId: doctor.id,
          locationId: location.id,
          status: "COMPLETED",
          ...at("2024-03-01T09:00:00Z"),
        },
      ],
    });
    const { appointments, total } = await findPatientAppointments({ db, patientId: patient.id });
    expect(total).toBe(2);
    expect(
      appointments.map((a) => [a.startsAt.toISOString(), a.status, a.doctorName, a.locationName]),
    ).toEqual([
      ["2030-03-01T09:00:00.000Z", "BOOKED", doctor.name, location.name],
      ["2024-03-01T09:00:00.000Z", "COMPLETED", doctor.name, location.name],
    ]);
  });
});
