import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantDb } from "../tenancy/tenant-client";
import { createRegistryClinic, type RegistryClinic } from "../testing/registry-clinic";
import { findTimeline } from "./timeline";
import {
  decodeTimelineCursor,
  encodeTimelineCursor,
  parseTimelineKinds,
  type TimelineCursor,
  type TimelineEntry,
  type TimelineKind,
} from "./timeline-entries";

let clinic: RegistryClinic;
const inClinic = <T>(work: (db: TenantDb) => Promise<T>) => clinic.inClinic(work);

beforeAll(async () => {
  clinic = await createRegistryClinic();
});

afterAll(async () => {
  await clinic?.cleanup();
});

let run = 0;

/** A patient with one of each kind at `at`, and another patient with the same rows at the same time. */
async function patientWithOneOfEach(at: Date) {
  run += 1;
  return inClinic(async (db) => {
    const location = await db.location.findFirstOrThrow({ where: { isMain: true } });
    // The other patient's appointment at the same moment needs a doctor of its own (no double booking).
    const newDoctor = (name: string) =>
      db.staffUser.create({
        data: {
          email: `${name}-${run}@maple.test`,
          name: `Dr ${name} ${run}`,
          role: "DOCTOR",
          passwordHash: "!",
        },
      });
    const doctor = await newDoctor("time");
    const make = async (firstName: string, doctor: { id: string }) => {
      const patient = await db.patient.create({
        data: { firstName, lastName: `Line${run}`, dateOfBirth: new Date("1980-02-03") },
      });
      const appointment = await db.appointment.create({
        data: {
          patientId: patient.id,
          doctorId: doctor.id,
          locationId: location.id,
          startsAt: at,
          endsAt: new Date(at.getTime() + 20 * 60_000),
          status: "NO_SHOW",
          reason: "Check-up",
        },
      });
      // A walk-in at the same moment (the booked appointment was missed).
      const visit = await db.visit.create({
        data: {
          patientId: patient.id,
          doctorId: doctor.id,
          locationId: location.id,
          reason: `Cough for a week (${firstName})`,
          startedAt: at,
        },
      });
      await db.clinicalNote.create({
        data: {
          visitId: visit.id,
          patientId: patient.id,
          authorId: doctor.id,
          kind: "SOAP",
          status: "SIGNED",
          signedAt: at,
          subjective: "Dry cough.",
          assessment: `Viral bronchitis in ${firstName}, improving.\nSecond line never shown.`,
        },
      });
      await db.clinicalNote.create({
        data: {
          visitId: visit.id,
          patientId: patient.id,
          authorId: doctor.id,
          kind: "TRIAGE",
          body: "Draft",
        },
      });
      const vitals = await db.vitalSigns.create({
        data: {
          patientId: patient.id,
          visitId: visit.id,
          takenAt: at,
          recordedById: doctor.id,
          systolic: 128,
          diastolic: 82,
          weightValue: 70.5,
          weightUnit: "kg",
          weightKg: 70.5,
        },
      });
      const diagnosis = await db.diagnosis.create({
        data: {
          patientId: patient.id,
          visitId: visit.id,
          codeSystem: "ICD-10-CM FY2026",
          code: "J20.9",
          title: "Acute bronchitis, unspecified",
          recordedById: doctor.id,
          createdAt: at,
        },
      });
      const immunization = await db.immunization.create({
        data: {
          patientId: patient.id,
          vaccine: "Influenza",
          givenOn: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())),
          recordedById: doctor.id,
        },
      });
      const document = await db.patientDocument.create({
        data: {
          patientId: patient.id,
          category: "RESULTS",
          title: "Chest X-ray report",
          fileName: "xray.pdf",
          contentType: "application/pdf",
          sizeBytes: 10,
          sha256: "0".repeat(64),
          uploadedById: doctor.id,
          createdAt: at,
        },
      });
      return { patient, appointment, visit, vitals, diagnosis, immunization, document };
    };
    const mine = await make("Ada", doctor);
    const other = await make("Bob", await newDoctor("other"));
    return { ...mine, other, doctor, location };
  });
}

const timeline = (
  patientId: string,
  options: {
    kinds?: TimelineKind[];
    includeEnteredInError?: boolean;
    includeClinicalDocuments?: boolean;
    before?: TimelineCursor | null;
    pageSize?: number;
  } = {},
) =>
  inClinic((db) =>
    findTimeline({
      db,
      patientId,
      includeClinicalDocuments: options.includeClinicalDocuments ?? true,
      ...options,
    }),
  );

async function allPages(patientId: string, pageSize: number) {
  const seen: TimelineEntry[] = [];
  let before: TimelineCursor | null = null;
  for (let page = 0; page < 50; page++) {
    const result = await timeline(patientId, { before, pageSize });
    seen.push(...result.entries);
    if (!result.next) return seen;
    before = result.next;
  }
  throw new Error("the timeline never ended");
}

describe("patient timeline", () => {
  it("lists every kind newest first, with the visit's notes' status and a short first line", async () => {
    const rows = await patientWithOneOfEach(new Date("2026-03-10T10:00:00Z"));
    await inClinic((db) =>
      db.vitalSigns.create({
        data: {
          patientId: rows.patient.id,
          takenAt: new Date("2026-05-01T08:00:00Z"),
          recordedById: rows.doctor.id,
          heartRate: 72,
        },
      }),
    );
    const { entries, next } = await timeline(rows.patient.id);
    expect(next).toBeNull();
    expect(entries.map((entry) => entry.kind)).toEqual([
      "vitals",
      // Same time: ties go by kind (descending), so the order is fixed whatever the ids.
      "vitals",
      "visit",
      "document",
      "diagnosis",
      "appointment",
      // An immunization has a date only: midnight UTC of that day.
      "immunization",
    ]);
    expect(entries[0]?.at).toEqual(new Date("2026-05-01T08:00:00Z"));
    const visit = entries.find((entry) => entry.kind === "visit");
    expect(visit).toMatchObject({
      id: rows.visit.id,
      visitId: rows.visit.id,
      reason: "Cough for a week (Ada)",
      doctor: rows.doctor.name,
      notes: { drafts: 1, signed: 1, enteredInError: 0 },
      firstLine: "Viral bronchitis in Ada, improving.",
    });
    expect(entries.find((entry) => entry.kind === "appointment")).toMatchObject({
      id: rows.appointment.id,
      status: "NO_SHOW",
      visitId: null,
    });
    expect(entries.find((entry) => entry.kind === "vitals" && entry.id === rows.vitals.id)).toMatchObject({
      visitId: rows.visit.id,
      measures: { systolic: 128, diastolic: 82, weightValue: 70.5, weightUnit: "kg" },
    });
  });

  it("shows an appointment that became a visit once, as the visit, and leaves upcoming bookings out", async () => {
    const rows = await patientWithOneOfEach(new Date("2026-03-15T10:00:00Z"));
    const later = await inClinic(async (db) => {
      const started = await db.appointment.create({
        data: {
          patientId: rows.patient.id,
          doctorId: rows.doctor.id,
          locationId: rows.location.id,
          startsAt: new Date("2026-03-20T10:00:00Z"),
          endsAt: new Date("2026-03-20T10:20:00Z"),
          status: "COMPLETED",
        },
      });
      const visit = await db.visit.create({
        data: {
          patientId: rows.patient.id,
          doctorId: rows.doctor.id,
          locationId: rows.location.id,
          appointmentId: started.id,
          reason: "Follow-up",
          startedAt: started.startsAt,
        },
      });
      const upcoming = await db.appointment.create({
        data: {
          patientId: rows.patient.id,
          doctorId: rows.doctor.id,
          locationId: rows.location.id,
          startsAt: new Date(Date.now() + 7 * 86_400_000),
          endsAt: new Date(Date.now() + 7 * 86_400_000 + 20 * 60_000),
        },
      });
      return { started, visit, upcoming };
    });
    const ids = (await timeline(rows.patient.id)).entries.map((entry) => entry.id);
    expect(ids[0]).toBe(later.visit.id);
    expect(ids).not.toContain(later.started.id);
    expect(ids).not.toContain(later.upcoming.id);
    expect(ids).toContain(rows.appointment.id);
  });

  it("never includes another patient's rows, even at the same moment", async () => {
    const rows = await patientWithOneOfEach(new Date("2026-03-11T10:00:00Z"));
    const ids = (await allPages(rows.patient.id, 3)).map((entry) => entry.id);
    const others = [
      rows.other.appointment.id,
      rows.other.visit.id,
      rows.other.vitals.id,
      rows.other.diagnosis.id,
      rows.other.immunization.id,
      rows.other.document.id,
    ];
    expect(ids).toHaveLength(6);
    for (const id of others) expect(ids).not.toContain(id);
    expect(JSON.stringify(await timeline(rows.patient.id))).not.toContain("Bob");
  });

  it("pages through entries of every kind at the same time without repeating or skipping one", async () => {
    const at = new Date("2026-04-02T09:20:00Z");
    const rows = await patientWithOneOfEach(at);
    // More rows at exactly the same time, so ties decide every page boundary.
    await inClinic(async (db) => {
      for (let i = 0; i < 3; i++) {
        await db.vitalSigns.create({
          data: { patientId: rows.patient.id, takenAt: at, recordedById: rows.doctor.id, spo2: 97 + i },
        });
        await db.diagnosis.create({
          data: {
            patientId: rows.patient.id,
            codeSystem: "ICD-10-CM FY2026",
            code: "I10",
            title: "Essential (primary) hypertension",
            recordedById: rows.doctor.id,
            createdAt: at,
          },
        });
      }
    });
    const whole = (await timeline(rows.patient.id, { pageSize: 100 })).entries;
    expect(whole).toHaveLength(12);
    for (const pageSize of [1, 2, 5]) {
      const paged = await allPages(rows.patient.id, pageSize);
      expect(paged.map((entry) => `${entry.kind}:${entry.id}`)).toEqual(
        whole.map((entry) => `${entry.kind}:${entry.id}`),
      );
    }
  });

  it("shows only the kinds asked for", async () => {
    const rows = await patientWithOneOfEach(new Date("2026-03-12T10:00:00Z"));
    const { entries } = await timeline(rows.patient.id, { kinds: ["diagnosis", "immunization"] });
    expect(entries.map((entry) => entry.kind)).toEqual(["diagnosis", "immunization"]);
    expect((await timeline(rows.patient.id, { kinds: ["visit"] })).entries.map((e) => e.id)).toEqual([
      rows.visit.id,
    ]);
  });

  it("hides entries entered in error unless asked, and then marks them", async () => {
    const rows = await patientWithOneOfEach(new Date("2026-03-13T10:00:00Z"));
    await inClinic(async (db) => {
      const reason = { enteredInErrorAt: new Date(), enteredInErrorReason: "Wrong patient" };
      await db.vitalSigns.update({ where: { id: rows.vitals.id }, data: reason });
      await db.immunization.update({ where: { id: rows.immunization.id }, data: reason });
      await db.patientDocument.update({ where: { id: rows.document.id }, data: reason });
      await db.diagnosis.update({
        where: { id: rows.diagnosis.id },
        data: { status: "ENTERED_IN_ERROR", enteredInErrorReason: "Wrong patient" },
      });
    });
    const hidden = await timeline(rows.patient.id);
    expect(hidden.entries.map((entry) => entry.kind)).toEqual(["visit", "appointment"]);
    const shown = await timeline(rows.patient.id, { includeEnteredInError: true });
    expect(shown.entries).toHaveLength(6);
    expect(shown.entries.filter((entry) => entry.enteredInError).map((entry) => entry.kind)).toEqual([
      "vitals",
      "document",
      "diagnosis",
      "immunization",
    ]);
  });

  it("leaves clinical documents out for a reader who may only see administrative ones", async () => {
    const rows = await patientWithOneOfEach(new Date("2026-03-14T10:00:00Z"));
    const idCard = await inClinic((db) =>
      db.patientDocument.create({
        data: {
          patientId: rows.patient.id,
          category: "ID",
          title: "Passport",
          fileName: "id.png",
          contentType: "image/png",
          sizeBytes: 10,
          sha256: "1".repeat(64),
          uploadedById: rows.doctor.id,
        },
      }),
    );
    const { entries } = await timeline(rows.patient.id, {
      kinds: ["document"],
      includeClinicalDocuments: false,
    });
    expect(entries.map((entry) => entry.id)).toEqual([idCard.id]);
  });

  it("gives nothing for an id that is not a patient's", async () => {
    expect(await timeline("not-a-uuid")).toEqual({ entries: [], next: null });
    expect(await timeline("00000000-0000-4000-8000-000000000000")).toEqual({ entries: [], next: null });
  });
});

describe("timeline cursor and filters in the URL", () => {
  it("round-trips a cursor and treats a malformed one as the newest page", () => {
    const cursor: TimelineCursor = {
      at: new Date("2026-01-02T03:04:05.678Z"),
      kind: "vitals",
      id: "2b1f0a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
    };
    expect(decodeTimelineCursor(encodeTimelineCursor(cursor))).toEqual(cursor);
    for (const bad of [undefined, "", "yesterday_visit_x", `2026-01-02T03:04:05Z_note_${cursor.id}`, ["a"]])
      expect(decodeTimelineCursor(bad)).toBeNull();
  });

  it("keeps only the kinds it knows", () => {
    expect(parseTimelineKinds("visit,vitals,notes")).toEqual(["visit", "vitals"]);
    expect(parseTimelineKinds(undefined)).toEqual([]);
  });
});
