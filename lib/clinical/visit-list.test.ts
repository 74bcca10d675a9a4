import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantDb } from "../tenancy/tenant-client";
import { createRegistryClinic, type RegistryClinic } from "../testing/registry-clinic";
import { findVisitsWithCodes, findVisitsWithNotes, VISIT_LIST_PAGE_SIZE } from "./visit-list";

let clinic: RegistryClinic;
const inClinic = <T>(work: (db: TenantDb) => Promise<T>) => clinic.inClinic(work);

beforeAll(async () => {
  clinic = await createRegistryClinic();
});

afterAll(async () => {
  await clinic?.cleanup();
});

let run = 0;

/** A patient with `count` visits a day apart (newest last), each with a signed note and a diagnosis. */
async function patientWithVisits(count: number) {
  run += 1;
  return inClinic(async (db) => {
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    const doctor = await db.staffUser.create({
      data: { email: `doc-${run}@maple.test`, name: `Dr List ${run}`, role: "DOCTOR", passwordHash: "!" },
    });
    const patient = await db.patient.create({
      data: { firstName: "Vera", lastName: `Visits${run}`, dateOfBirth: new Date("1970-01-01") },
    });
    const visits = [];
    for (let i = 0; i < count; i++) {
      const visit = await db.visit.create({
        data: {
          patientId: patient.id,
          doctorId: doctor.id,
          locationId: location.id,
          reason: `Private reason ${i}`,
          startedAt: new Date(Date.UTC(2026, 0, 1 + i, 10)),
        },
      });
      await db.clinicalNote.create({
        data: {
          visitId: visit.id,
          patientId: patient.id,
          authorId: doctor.id,
          kind: "SOAP",
          status: "SIGNED",
          signedAt: new Date(),
          subjective: `Secret history ${i}`,
        },
      });
      await db.diagnosis.createMany({
        data: [
          { code: "I10", title: "Essential (primary) hypertension", status: "ACTIVE" as const },
          { code: "E11.9", title: "Wrong code", status: "ENTERED_IN_ERROR" as const },
        ].map((diagnosis) => ({
          ...diagnosis,
          patientId: patient.id,
          visitId: visit.id,
          codeSystem: "ICD-10-CM FY2026",
          recordedById: doctor.id,
        })),
      });
      visits.push(visit);
    }
    return { patient, doctor, location, visits };
  });
}

describe("a patient's visits", () => {
  it("gives billing dates, doctor, location and codes, and nothing of the reason or the notes", async () => {
    const { patient, doctor, location, visits } = await patientWithVisits(2);
    const result = await inClinic((db) => findVisitsWithCodes({ db, patientId: patient.id }));
    expect(result).toMatchObject({ total: 2, pages: 1, page: 1 });
    expect(result.visits).toEqual([
      {
        id: visits[1]?.id,
        startedAt: visits[1]?.startedAt,
        doctor: doctor.name,
        location: location.name,
        diagnoses: [{ code: "I10", title: "Essential (primary) hypertension" }],
      },
      {
        id: visits[0]?.id,
        startedAt: visits[0]?.startedAt,
        doctor: doctor.name,
        location: location.name,
        diagnoses: [{ code: "I10", title: "Essential (primary) hypertension" }],
      },
    ]);
    for (const visit of result.visits)
      expect(Object.keys(visit).sort()).toEqual(["diagnoses", "doctor", "id", "location", "startedAt"]);
    const everything = JSON.stringify(result);
    expect(everything).not.toMatch(/Private reason|Secret history|reason|notes/i);
  });

  it("gives a clinician the reason and the notes' status too", async () => {
    const { patient, visits } = await patientWithVisits(1);
    await inClinic((db) =>
      db.clinicalNote.create({
        data: {
          visitId: visits[0]?.id ?? "",
          patientId: patient.id,
          authorId: (visits[0] as { doctorId: string }).doctorId,
          kind: "TRIAGE",
        },
      }),
    );
    const result = await inClinic((db) => findVisitsWithNotes({ db, patientId: patient.id }));
    expect(result.visits).toEqual([
      expect.objectContaining({
        id: visits[0]?.id,
        reason: "Private reason 0",
        notes: { drafts: 1, signed: 1, enteredInError: 0 },
        diagnoses: [{ code: "I10", title: "Essential (primary) hypertension" }],
      }),
    ]);
    // The status only: the note's text is not part of the list.
    expect(JSON.stringify(result)).not.toContain("Secret history");
  });

  it("pages newest first and keeps a page number in range", async () => {
    const { patient, visits } = await patientWithVisits(VISIT_LIST_PAGE_SIZE + 2);
    const second = await inClinic((db) => findVisitsWithCodes({ db, patientId: patient.id, page: 2 }));
    expect(second).toMatchObject({ total: VISIT_LIST_PAGE_SIZE + 2, pages: 2, page: 2 });
    expect(second.visits.map((visit) => visit.id)).toEqual([visits[1]?.id, visits[0]?.id]);
    const beyond = await inClinic((db) => findVisitsWithNotes({ db, patientId: patient.id, page: 99 }));
    expect(beyond.page).toBe(2);
    const other = await inClinic((db) => findVisitsWithCodes({ db, patientId: "nope" }));
    expect(other).toEqual({ visits: [], total: 0, pages: 1, page: 1 });
  });
});
