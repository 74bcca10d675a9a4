import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/components/clinic/audit-details";
import { bookAppointmentAction } from "@/lib/actions/appointments/book-appointment";
import { changeAppointmentStatusAction } from "@/lib/actions/appointments/change-appointment-status";
import { startNoteAction } from "@/lib/actions/notes/start-note";
import { updatePatientAction } from "@/lib/actions/patients/update-patient";
import { startWalkInVisitAction } from "@/lib/actions/visits/start-walk-in-visit";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { createFrontDeskClinic, type FrontDeskClinic } from "@/lib/testing/front-desk-practice";
import { findAuditEvents } from "./audit";
import { addDays, localDateOf, zonedTimeToUtc } from "./time";

const TZ = "Asia/Tokyo";
let clinic: FrontDeskClinic;
let ben: string;
let bookedForBen: string;

/** A booking through the whole action, `days` ahead at 10:00 clinic time. */
async function book(role: "RECEPTIONIST" | "NURSE", patientId: string, days: number) {
  const startsAt = zonedTimeToUtc(addDays(localDateOf(new Date(), TZ), days), 10 * 60, TZ);
  const result = await clinic.callAs(role, bookAppointmentAction, {
    patientId,
    doctorId: clinic.members.DOCTOR.id,
    locationId: clinic.mainLocationId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 20 * 60_000).toISOString(),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.id;
}

beforeAll(async () => {
  clinic = await createFrontDeskClinic("birch", TZ);
  await clinic.db.staffUser.update({
    where: { id: clinic.members.RECEPTIONIST.id },
    data: { name: "Rita Reception" },
  });
  const patient = await clinic.db.patient.create({
    data: { firstName: "Ben", lastName: "Adams", dateOfBirth: new Date("1990-02-03") },
  });
  ben = patient.id;
  bookedForBen = await book("RECEPTIONIST", ben, 2);
  await book("NURSE", clinic.patientId, 3);
  await clinic.callAs("RECEPTIONIST", changeAppointmentStatusAction, {
    appointmentId: bookedForBen,
    to: "CANCELLED",
    cancelReason: "Feeling better",
  });
  const updated = await clinic.callAs("RECEPTIONIST", updatePatientAction, {
    patientId: ben,
    firstName: "Ben",
    lastName: "Adams",
    dateOfBirth: "1990-02-03",
    sex: "MALE",
    phone: "+44 20 7946 0001",
  });
  if (!updated.ok) throw new Error(updated.error.message);
  // Noise for paging: 60 sign-ins of the nurse, older than everything above.
  await clinic.db.auditEvent.createMany({
    data: Array.from({ length: 60 }, (_, index) => ({
      at: new Date(Date.UTC(2026, 0, 1, 0, index)),
      action: "sign-in.succeeded",
      actorId: clinic.members.NURSE.id,
      actorEmail: clinic.members.NURSE.email,
    })),
  });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const sentencesOf = (log: Awaited<ReturnType<typeof findAuditEvents>>) =>
  log.events.map((event) => describeAuditEvent(event, log.names, TZ));

describe("the clinic's audit log", () => {
  it("filters by the patient: their record and every event of their appointments, in words", async () => {
    const log = await findAuditEvents({ db: clinic.db, page: 1, filter: { patient: ben } });

    expect(log.total).toBe(3);
    expect(log.events.map((event) => event.action)).toEqual([
      "patient.updated",
      "appointment.status-changed",
      "appointment.booked",
    ]);
    const sentences = sentencesOf(log);
    expect(sentences[0]).toBe("Rita Reception corrected Ben Adams's phone number and sex.");
    expect(sentences[1]).toMatch(
      /^Rita Reception cancelled Ben Adams's appointment with Doctor One for \w{3} \d+ \w{3} 10:00\.$/,
    );
    expect(sentences[2]).toMatch(
      /^Rita Reception booked Ben Adams with Doctor One for \w{3} \d+ \w{3} 10:00\.$/,
    );
    expect(JSON.stringify(await clinic.db.auditEvent.findMany())).not.toContain("Adams");
  });

  it("counts a patient's visits and notes as theirs, and keeps the filters' counts apart", async () => {
    const other = await clinic.db.patient.create({
      data: { firstName: "Cleo", lastName: "Other", dateOfBirth: new Date("1985-06-07") },
    });
    const visits: string[] = [];
    for (const patientId of [ben, other.id]) {
      const visit = await clinic.callAs("DOCTOR", startWalkInVisitAction, {
        patientId,
        locationId: clinic.mainLocationId,
        reason: "Cough",
      });
      if (!visit.ok) throw new Error(visit.error.message);
      visits.push(visit.data.visitId);
      const note = await clinic.callAs("DOCTOR", startNoteAction, {
        visitId: visit.data.visitId,
        kind: "SOAP",
      });
      if (!note.ok) throw new Error(note.error.message);
    }
    const log = await findAuditEvents({ db: clinic.db, page: 1, filter: { patient: ben, kind: "clinical" } });
    expect(log.events.map((event) => event.action)).toEqual(["note.started", "visit.started"]);
    expect(log.events.every((event) => (event.details as { patientId?: string }).patientId === ben)).toBe(
      true,
    );
    await clinic.db.auditEvent.deleteMany({ where: { action: { in: ["note.started", "visit.started"] } } });
  });

  it("filters by who did it and by kind, together", async () => {
    const byRita = await findAuditEvents({
      db: clinic.db,
      page: 1,
      filter: { person: clinic.members.RECEPTIONIST.id },
    });
    expect(byRita.total).toBe(3);
    const ritaBookings = await findAuditEvents({
      db: clinic.db,
      page: 1,
      filter: { person: clinic.members.RECEPTIONIST.id, kind: "appointments" },
    });
    expect(ritaBookings.events.map((event) => event.action)).toEqual([
      "appointment.status-changed",
      "appointment.booked",
    ]);
    const signIns = await findAuditEvents({ db: clinic.db, page: 1, filter: { kind: "access" } });
    expect(signIns.total).toBe(60);
    expect(sentencesOf(signIns)[0]).toBe(`${clinic.members.NURSE.name} signed in.`);
    const nobody = await findAuditEvents({
      db: clinic.db,
      page: 1,
      filter: { person: clinic.members.BILLING.id, kind: "appointments" },
    });
    expect(nobody).toMatchObject({ total: 0, pages: 1, page: 1, events: [] });
  });

  it("pages a filter's rows newest first, without overlap, and clamps a page out of range", async () => {
    const filter = { person: clinic.members.NURSE.id };
    const first = await findAuditEvents({ db: clinic.db, page: 1, filter });
    const second = await findAuditEvents({ db: clinic.db, page: 2, filter });
    expect(first).toMatchObject({ total: 61, pages: 2, page: 1 });
    expect(first.events).toHaveLength(50);
    expect(first.events[0]?.action).toBe("appointment.booked");
    expect(second.events).toHaveLength(11);
    const ids = [...first.events, ...second.events].map((event) => event.id);
    expect(new Set(ids).size).toBe(61);
    const times = [...first.events, ...second.events].map((event) => event.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await findAuditEvents({ db: clinic.db, page: 9, filter })).page).toBe(2);
  });

  it("reads a page's names in a fixed number of queries, however many events it holds", async () => {
    let queries = 0;
    const counted = clinic.db.$extends({
      query: {
        async $allOperations({ args, query }) {
          queries += 1;
          return query(args);
        },
      },
    }) as unknown as TenantDb;
    const log = await findAuditEvents({ db: counted, page: 1, filter: { patient: ben } });
    expect(log.names.patients.get(ben)).toBe("Ben Adams");
    const few = queries;
    queries = 0;
    await findAuditEvents({ db: counted, page: 1 });
    // The patient filter's appointments are one query more; names are three, after the appointments.
    expect(queries).toBe(few - 1);
    expect(queries).toBeLessThanOrEqual(6);
  });
});
