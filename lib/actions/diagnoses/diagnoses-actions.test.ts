import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findProblemList, findVisitDiagnoses } from "@/lib/clinical/diagnoses";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { rowsOf } from "@/lib/testing/sample-rows";
import { addProblemAction } from "./add-problem";
import { addVisitDiagnosisAction } from "./add-visit-diagnosis";
import { markDiagnosisEnteredInErrorAction } from "./mark-diagnosis-entered-in-error";
import { resolveDiagnosisAction } from "./resolve-diagnosis";
import { searchDiagnosisCodesAction } from "./search-diagnosis-codes";

let clinic: ClinicFixture;
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "birch" });
  other = await clinic.addClinic("birch-other");
});

afterAll(async () => {
  await clinic?.cleanup();
});

/** A visit of a fresh patient, in the given clinic's database. */
async function newVisit(db = clinic.db) {
  const rows = rowsOf(db);
  const patient = await rows.patient();
  return db.visit.create({
    data: {
      patientId: patient.id,
      doctorId: (await rows.doctor()).id,
      locationId: (await rows.location()).id,
      reason: "Cough",
    },
  });
}

const writes = async () => ({
  diagnoses: await clinic.db.diagnosis.count(),
  audits: await clinic.db.auditEvent.count(),
});

describe("a doctor recording diagnoses", () => {
  it("adds a listed code to a visit and the problem list in one row, with the clinic's code system", async () => {
    const visit = await newVisit();
    const result = await clinic.callAs("DOCTOR", addVisitDiagnosisAction, {
      patientId: visit.patientId,
      visitId: visit.id,
      code: "j45909",
      addToProblemList: true,
    });

    expect(result).toMatchObject({
      ok: true,
      data: {
        code: "J45.909",
        title: "Unspecified asthma, uncomplicated",
        inCodeList: true,
        onProblemList: true,
        visitId: visit.id,
        codeSystem: "ICD-10-CM FY2026",
      },
    });
    expect(
      await findVisitDiagnoses({ db: clinic.db, patientId: visit.patientId, visitId: visit.id }),
    ).toHaveLength(1);
    expect(await findProblemList({ db: clinic.db, patientId: visit.patientId })).toHaveLength(1);
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { action: "diagnosis.added", targetId: visit.patientId },
    });
    expect(audit.details).toMatchObject({ code: "J45.909", visitId: visit.id, problemList: true });
    expect(JSON.stringify(audit)).not.toMatch(/asthma/i);
  });

  it("accepts a code that fits the structure but is not listed, flagged, with the doctor's title", async () => {
    await clinic.db.clinicSetting.update({
      where: { id: 1 },
      data: { diagnosisCodeSystem: "ICD-10-CM FY2027" },
    });
    const visit = await newVisit();
    const result = await clinic.callAs("DOCTOR", addProblemAction, {
      patientId: visit.patientId,
      code: "s52521a",
      title: "Torus fracture of lower end of right radius",
      onset: "2026-11",
    });
    await clinic.db.clinicSetting.update({
      where: { id: 1 },
      data: { diagnosisCodeSystem: "ICD-10-CM FY2026" },
    });
    expect(result).toMatchObject({
      ok: true,
      data: {
        code: "S52.521A",
        inCodeList: false,
        onProblemList: true,
        onset: "2026-11",
        codeSystem: "ICD-10-CM FY2027",
      },
    });
  });

  it("asks for the title of an unlisted code and refuses a malformed one, writing nothing", async () => {
    const visit = await newVisit();
    const before = await writes();
    expect(
      await clinic.callAs("DOCTOR", addProblemAction, { patientId: visit.patientId, code: "C4A.0" }),
    ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { title: /not in the clinic's list/ } } });
    for (const code of ["1AB", "A1", "A12345678", "AB1.2"])
      expect(
        await clinic.callAs("DOCTOR", addProblemAction, { patientId: visit.patientId, code, title: "x" }),
      ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { code: expect.any(String) } } });
    expect(
      await clinic.callAs("DOCTOR", addProblemAction, {
        patientId: visit.patientId,
        code: "I10",
        onset: "2019-02-30",
      }),
    ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { onset: /real date/ } } });
    expect(await writes()).toEqual(before);
  });

  it("refuses the same active problem twice, but a visit may diagnose a problem already listed", async () => {
    const visit = await newVisit();
    const patientId = visit.patientId;
    expect(await clinic.callAs("DOCTOR", addProblemAction, { patientId, code: "I10" })).toMatchObject({
      ok: true,
    });
    expect(await clinic.callAs("DOCTOR", addProblemAction, { patientId, code: "i10" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /already an active problem/ },
    });
    const fromVisit = await clinic.callAs("DOCTOR", addVisitDiagnosisAction, {
      patientId,
      visitId: visit.id,
      code: "I10",
      addToProblemList: true,
    });
    expect(fromVisit).toMatchObject({ ok: true, data: { visitId: visit.id, onProblemList: false } });
    expect(await findProblemList({ db: clinic.db, patientId })).toHaveLength(1);
    expect(
      await clinic.callAs("DOCTOR", addVisitDiagnosisAction, { patientId, visitId: visit.id, code: "I10" }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT", message: /already a diagnosis of this visit/ } });
  });

  it("resolves a problem, then marks another entered in error with the reason", async () => {
    const visit = await newVisit();
    const patientId = visit.patientId;
    const first = await clinic.callAs("DOCTOR", addProblemAction, { patientId, code: "J06.9" });
    const second = await clinic.callAs("DOCTOR", addProblemAction, { patientId, code: "E11.9" });
    if (!first.ok || !second.ok) throw new Error("setup failed");

    const resolved = await clinic.callAs("DOCTOR", resolveDiagnosisAction, { diagnosisId: first.data.id });
    expect(resolved).toMatchObject({ ok: true, data: { status: "RESOLVED", resolvedAt: expect.any(Date) } });
    expect(
      await clinic.callAs("DOCTOR", resolveDiagnosisAction, { diagnosisId: first.data.id }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: /already resolved/ },
    });

    expect(
      await clinic.callAs("DOCTOR", markDiagnosisEnteredInErrorAction, {
        diagnosisId: second.data.id,
        reason: " ",
      }),
    ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { reason: /Say why/ } } });
    const marked = await clinic.callAs("DOCTOR", markDiagnosisEnteredInErrorAction, {
      diagnosisId: second.data.id,
      reason: "Wrong patient",
    });
    expect(marked).toMatchObject({
      ok: true,
      data: { status: "ENTERED_IN_ERROR", enteredInErrorReason: "Wrong patient" },
    });
    const list = await findProblemList({ db: clinic.db, patientId });
    expect(list.map((row) => [row.code, row.status])).toEqual([
      ["J06.9", "RESOLVED"],
      ["E11.9", "ENTERED_IN_ERROR"],
    ]);
    const audits = await clinic.db.auditEvent.findMany({
      where: { targetId: patientId, action: { in: ["diagnosis.resolved", "diagnosis.entered-in-error"] } },
      orderBy: { at: "asc" },
    });
    expect(audits.map((audit) => [audit.action, audit.details])).toEqual([
      ["diagnosis.resolved", { diagnosisId: first.data.id, code: "J06.9" }],
      ["diagnosis.entered-in-error", { diagnosisId: second.data.id, code: "E11.9" }],
    ]);
  });

  it("answers NOT_FOUND for another patient's visit and another clinic's rows, writing nothing", async () => {
    const visit = await newVisit();
    const elsewhere = await newVisit();
    const foreignVisit = await newVisit(other.db);
    const foreignDiagnosis = await other.db.diagnosis.create({
      data: {
        patientId: foreignVisit.patientId,
        codeSystem: "ICD-10-CM FY2026",
        code: "I10",
        title: "Essential (primary) hypertension",
        recordedById: foreignVisit.doctorId,
      },
    });
    const before = await writes();
    const refusals = await Promise.all([
      clinic.callAs("DOCTOR", addVisitDiagnosisAction, {
        patientId: visit.patientId,
        visitId: elsewhere.id,
        code: "I10",
      }),
      clinic.callAs("DOCTOR", addVisitDiagnosisAction, {
        patientId: foreignVisit.patientId,
        visitId: foreignVisit.id,
        code: "I10",
      }),
      clinic.callAs("DOCTOR", addProblemAction, { patientId: foreignVisit.patientId, code: "I10" }),
      clinic.callAs("DOCTOR", resolveDiagnosisAction, { diagnosisId: foreignDiagnosis.id }),
      clinic.callAs("DOCTOR", markDiagnosisEnteredInErrorAction, {
        diagnosisId: foreignDiagnosis.id,
        reason: "x",
      }),
    ]);
    for (const refusal of refusals)
      expect(refusal).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await writes()).toEqual(before);
  });
});

describe("the code search", () => {
  it.each(rolesWith("chart.view"))("answers a %s with matching codes", async (role) => {
    const result = await clinic.callAs(role, searchDiagnosisCodesAction, { query: "asthma unc" });
    expect(result).toMatchObject({
      ok: true,
      data: expect.arrayContaining([{ code: "J45.909", title: "Unspecified asthma, uncomplicated" }]),
    });
  });

  it.each(rolesWithout("chart.view"))("refuses a %s", async (role) => {
    expect(await clinic.callAs(role, searchDiagnosisCodesAction, { query: "asthma" })).toEqual(ROLE_REFUSED);
  });
});

describe.each(rolesWithout("diagnoses.manage"))("a %s, who does not manage diagnoses", (role) => {
  it("may not add a diagnosis, and nothing is written", async () => {
    const visit = await newVisit();
    const before = await writes();
    expect(await clinic.callAs(role, addProblemAction, { patientId: visit.patientId, code: "I10" })).toEqual(
      ROLE_REFUSED,
    );
    expect(
      await clinic.callAs(role, addVisitDiagnosisAction, {
        patientId: visit.patientId,
        visitId: visit.id,
        code: "I10",
      }),
    ).toEqual(ROLE_REFUSED);
    expect(await writes()).toEqual(before);
  });
});
