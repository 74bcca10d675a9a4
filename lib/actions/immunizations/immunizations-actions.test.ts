import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPatientImmunizations } from "@/lib/clinical/immunizations";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { recordImmunizationSchema } from "@/lib/validations/immunizations";
import { markImmunizationEnteredInErrorAction } from "./mark-immunization-entered-in-error";
import { recordImmunizationAction } from "./record-immunization";

let clinic: ClinicFixture;
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "jabs" });
  other = await clinic.addClinic("jabs-other");
});

afterAll(async () => {
  await clinic?.cleanup();
});

let counter = 0;
const newPatient = (db = clinic.db) =>
  db.patient.create({
    data: { firstName: "Jab", lastName: `Taker${++counter}`, dateOfBirth: new Date("2019-04-04") },
  });

const given = (patientId: string, overrides: Record<string, unknown> = {}) => ({
  patientId,
  vaccine: "MMR",
  doseNumber: "2",
  lotNumber: "X7741",
  expiryDate: "2027-01-31",
  site: "LEFT_THIGH",
  route: "SC",
  givenOn: "2026-11-02",
  givenById: clinic.members.NURSE.id,
  givenByName: "",
  ...overrides,
});

const fieldsOf = (input: unknown) => {
  const parsed = recordImmunizationSchema.safeParse(input);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("what an immunization must say", () => {
  const patientId = "00000000-0000-4000-8000-000000000001";

  it("accepts a vaccine given here, and one given elsewhere with only a name", () => {
    expect(fieldsOf(given(patientId))).toEqual({});
    expect(
      fieldsOf(given(patientId, { givenById: "", givenByName: "City Pharmacy", doseNumber: "" })),
    ).toEqual({});
  });

  it("refuses a future date, an expiry before the date given, and a missing or double 'given by'", () => {
    expect(fieldsOf(given(patientId, { givenOn: "2999-01-01", expiryDate: "" }))).toEqual({
      givenOn: "The date given cannot be in the future.",
    });
    expect(fieldsOf(given(patientId, { expiryDate: "2026-01-01" }))).toEqual({
      expiryDate: "This expiry date is before the date given: check both dates.",
    });
    expect(fieldsOf(given(patientId, { givenById: "" }))).toEqual({
      givenByName: "Choose who gave it here, or write who gave it elsewhere.",
    });
    expect(fieldsOf(given(patientId, { givenByName: "Dr Elsewhere" }))).toEqual({
      givenByName: "Either choose a staff member here or write a name from elsewhere, not both.",
    });
  });

  it("refuses an empty vaccine, a dose of 0 or 1.5, an unknown site and a date that does not exist", () => {
    expect(
      fieldsOf(given(patientId, { vaccine: "  ", doseNumber: "0", site: "ELBOW", givenOn: "2026-02-30" })),
    ).toEqual({
      vaccine: "Enter the vaccine, e.g. Influenza or MMR.",
      doseNumber: "Enter the dose as a whole number from 1 to 20.",
      site: "Choose where on the body it was given.",
      givenOn: "Enter the date it was given, with a 4-digit year.",
    });
    expect(fieldsOf(given(patientId, { doseNumber: 1.5 }))).toHaveProperty("doseNumber");
  });

  it("parses its own output again (forms send parsed values)", () => {
    const once = recordImmunizationSchema.parse(given(patientId));
    expect(recordImmunizationSchema.parse(once)).toEqual(once);
  });
});

describe.each(rolesWith("immunizations.manage"))("a %s, who records immunizations", (role) => {
  it("records one with its audit row, and lists it on the patient", async () => {
    const patient = await newPatient();
    const result = await clinic.callAs(role, recordImmunizationAction, given(patient.id));

    if (!result.ok) throw new Error(result.error.message);
    const [row] = await findPatientImmunizations({ db: clinic.db, patientId: patient.id });
    expect(row).toMatchObject({
      id: result.data.id,
      vaccine: "MMR",
      doseNumber: 2,
      lotNumber: "X7741",
      expiryDate: "2027-01-31",
      givenOn: "2026-11-02",
      site: "LEFT_THIGH",
      route: "SC",
      givenBy: clinic.members.NURSE.name,
      givenHere: true,
    });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "immunization.recorded", targetId: patient.id },
    });
    expect(audit).toMatchObject({
      actorId: clinic.members[role].id,
      details: { immunizationId: result.data.id },
    });
  });

  it("marks one entered in error with a reason: kept, hidden by default, not twice", async () => {
    const patient = await newPatient();
    const recorded = await clinic.callAs(
      role,
      recordImmunizationAction,
      given(patient.id, { givenById: "", givenByName: "Pharmacy" }),
    );
    if (!recorded.ok) throw new Error(recorded.error.message);
    const input = { immunizationId: recorded.data.id, reason: "Wrong patient" };

    expect(await clinic.callAs(role, markImmunizationEnteredInErrorAction, input)).toMatchObject({
      ok: true,
    });
    expect(await findPatientImmunizations({ db: clinic.db, patientId: patient.id })).toEqual([]);
    const all = await findPatientImmunizations({
      db: clinic.db,
      patientId: patient.id,
      includeEnteredInError: true,
    });
    expect(all).toMatchObject([
      { enteredInErrorReason: "Wrong patient", givenBy: "Pharmacy", givenHere: false },
    ]);
    expect(await clinic.callAs(role, markImmunizationEnteredInErrorAction, input)).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
  });
});

describe("what an immunization cannot be recorded against", () => {
  it("refuses another clinic's patient (NOT_FOUND), a visit of another patient, and someone who does not work here", async () => {
    const foreign = await newPatient(other.db);
    const before = await clinic.db.immunization.count();
    expect(await clinic.callAs("NURSE", recordImmunizationAction, given(foreign.id))).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });

    const patient = await newPatient();
    const someoneElse = await newPatient();
    const location = await clinic.db.location.create({ data: { name: `Room ${counter}` } });
    const visit = await clinic.db.visit.create({
      data: {
        patientId: someoneElse.id,
        doctorId: clinic.members.DOCTOR.id,
        locationId: location.id,
        reason: "Cough",
      },
    });
    const wrongVisit = await clinic.callAs(
      "NURSE",
      recordImmunizationAction,
      given(patient.id, { visitId: visit.id }),
    );
    expect(wrongVisit).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { visitId: expect.any(String) } },
    });
    const stranger = await other.db.staffUser.create({
      data: { email: `x${counter}@else.test`, name: "Not Here", role: "NURSE", passwordHash: "!" },
    });
    const wrongStaff = await clinic.callAs(
      "NURSE",
      recordImmunizationAction,
      given(patient.id, { givenById: stranger.id }),
    );
    expect(wrongStaff).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { givenById: expect.any(String) } },
    });
    expect(await clinic.db.immunization.count()).toBe(before);
  });

  it.each(rolesWithout("immunizations.manage"))("is refused to a %s, changing nothing", async (role) => {
    const patient = await newPatient();
    expect(await clinic.callAs(role, recordImmunizationAction, given(patient.id))).toEqual(ROLE_REFUSED);
    expect(await clinic.db.immunization.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
