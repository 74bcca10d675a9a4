import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { rowsOf } from "@/lib/testing/sample-rows";
import { clinicalRowsOf } from "@/lib/testing/samples/notes";
import { startVisitAction } from "../visits/start-visit";
import { startWalkInVisitAction } from "../visits/start-walk-in-visit";
import { addAddendumAction } from "./add-addendum";
import { markNoteEnteredInErrorAction } from "./mark-note-entered-in-error";
import { saveNoteDraftAction } from "./save-note-draft";
import { signNoteAction } from "./sign-note";
import { startNoteAction } from "./start-note";

let clinic: ClinicFixture;
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "notes" });
  other = await clinic.addClinic("notes-other");
});

afterAll(async () => {
  await clinic?.cleanup();
});

const rows = () => rowsOf(clinic.db);
const clinical = () => clinicalRowsOf(clinic.db);
const doctor = () => clinic.members.DOCTOR;
const empty = { subjective: "", objective: "", assessment: "", plan: "", body: "" };

describe("starting a visit", () => {
  it("moves a checked-in appointment to in progress with the visit, audited, and a second click opens the same visit", async () => {
    const appointment = await rows().appointment({ doctorId: doctor().id, status: "CHECKED_IN" });

    const first = dataOf(await clinic.callAs("DOCTOR", startVisitAction, { appointmentId: appointment.id }));
    const second = dataOf(await clinic.callAs("DOCTOR", startVisitAction, { appointmentId: appointment.id }));

    expect(first.started).toBe(true);
    expect(second).toEqual({ visitId: first.visitId, started: false });
    expect(await clinic.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toMatchObject({
      status: "IN_PROGRESS",
    });
    expect(await clinic.db.visit.findUniqueOrThrow({ where: { id: first.visitId } })).toMatchObject({
      patientId: appointment.patientId,
      doctorId: doctor().id,
      locationId: appointment.locationId,
      appointmentId: appointment.id,
    });
    const audits = await clinic.db.auditEvent.findMany({
      where: { targetId: { in: [appointment.id, first.visitId] } },
      orderBy: { at: "asc" },
    });
    expect(audits.map((event) => [event.action, event.details])).toEqual([
      ["appointment.status-changed", { from: "CHECKED_IN", to: "IN_PROGRESS" }],
      ["visit.started", { patientId: appointment.patientId, appointmentId: appointment.id }],
    ]);
  });

  it("opens a visit on an in-progress appointment without moving it again", async () => {
    const appointment = await rows().appointment({ doctorId: doctor().id, status: "CHECKED_IN" });
    await clinic.db.appointment.update({ where: { id: appointment.id }, data: { status: "IN_PROGRESS" } });

    const started = dataOf(
      await clinic.callAs("DOCTOR", startVisitAction, { appointmentId: appointment.id }),
    );

    expect(started.started).toBe(true);
    expect(await clinic.db.auditEvent.count({ where: { targetId: appointment.id } })).toBe(0);
  });

  it("refuses another doctor's appointment and one not checked in, changing nothing", async () => {
    const others = await rows().appointment({ status: "CHECKED_IN" });
    const booked = await rows().appointment({ doctorId: doctor().id });

    expect(await clinic.callAs("DOCTOR", startVisitAction, { appointmentId: others.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await clinic.callAs("DOCTOR", startVisitAction, { appointmentId: booked.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("not checked in") },
    });
    expect(await clinic.db.visit.count({ where: { appointmentId: { in: [others.id, booked.id] } } })).toBe(0);
  });

  it("starts a walk-in visit for the signed-in doctor at the chosen location", async () => {
    const patient = await rows().patient();
    const location = await rows().location();

    const { visitId } = dataOf(
      await clinic.callAs("DOCTOR", startWalkInVisitAction, {
        patientId: patient.id,
        locationId: location.id,
        reason: "  Cut on the hand ",
      }),
    );

    expect(await clinic.db.visit.findUniqueOrThrow({ where: { id: visitId } })).toMatchObject({
      patientId: patient.id,
      doctorId: doctor().id,
      locationId: location.id,
      appointmentId: null,
      reason: "Cut on the hand",
    });
  });

  it("answers NOT_FOUND for another clinic's patient or an unknown one, and asks for a reason", async () => {
    const location = await rows().location();
    const before = await clinic.db.visit.count();
    for (const patientId of [(await rowsOf(other.db).patient()).id, crypto.randomUUID()]) {
      expect(
        await clinic.callAs("DOCTOR", startWalkInVisitAction, {
          patientId,
          locationId: location.id,
          reason: "Cough",
        }),
      ).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND", message: "No such patient in this clinic." },
      });
    }
    const patient = await rows().patient();
    expect(
      await clinic.callAs("DOCTOR", startWalkInVisitAction, {
        patientId: patient.id,
        locationId: location.id,
        reason: " ",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { reason: expect.stringContaining("Say why") } },
    });
    expect(await clinic.db.visit.count()).toBe(before);
  });
});

describe("writing and signing notes", () => {
  it("autosaves a draft by revision and refuses a stale save without applying it", async () => {
    const visit = await clinical().visit({ doctorId: doctor().id });
    const { noteId } = dataOf(
      await clinic.callAs("DOCTOR", startNoteAction, { visitId: visit.id, kind: "SOAP" }),
    );
    expect(
      dataOf(await clinic.callAs("DOCTOR", startNoteAction, { visitId: visit.id, kind: "SOAP" })),
    ).toEqual({
      noteId,
    });

    const saved = dataOf(
      await clinic.callAs("DOCTOR", saveNoteDraftAction, {
        noteId,
        revision: 0,
        ...empty,
        subjective: "Tab one",
      }),
    );
    const stale = await clinic.callAs("DOCTOR", saveNoteDraftAction, {
      noteId,
      revision: 0,
      ...empty,
      subjective: "Tab two",
    });

    expect(saved.revision).toBe(1);
    expect(stale).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("another tab") },
    });
    expect(await clinic.db.clinicalNote.findUniqueOrThrow({ where: { id: noteId } })).toMatchObject({
      subjective: "Tab one",
      revision: 1,
      status: "DRAFT",
    });

    // The same save sent again (its answer was lost on the way): already applied, not a conflict.
    const retried = await clinic.callAs("DOCTOR", saveNoteDraftAction, {
      noteId,
      revision: 0,
      ...empty,
      subjective: "Tab one",
    });
    expect(dataOf(retried).revision).toBe(1);
    expect(await clinic.db.clinicalNote.findUniqueOrThrow({ where: { id: noteId } })).toMatchObject({
      revision: 1,
    });
  });

  it("lets a nurse write a nursing note but not a SOAP note, and only the author save or sign", async () => {
    const visit = await clinical().visit({ doctorId: doctor().id });
    expect(await clinic.callAs("NURSE", startNoteAction, { visitId: visit.id, kind: "SOAP" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const { noteId } = dataOf(
      await clinic.callAs("NURSE", startNoteAction, { visitId: visit.id, kind: "TRIAGE" }),
    );

    const byDoctor = await clinic.callAs("DOCTOR", signNoteAction, {
      noteId,
      revision: 0,
      ...empty,
      body: "BP ok",
    });
    expect(byDoctor).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    dataOf(
      await clinic.callAs("NURSE", signNoteAction, {
        noteId,
        revision: 0,
        ...empty,
        subjective: "x",
        body: "Triage: stable",
      }),
    );
    expect(await clinic.db.clinicalNote.findUniqueOrThrow({ where: { id: noteId } })).toMatchObject({
      status: "SIGNED",
      body: "Triage: stable",
      subjective: "",
      signedAt: expect.any(Date),
    });
    expect(
      await clinic.callAs("NURSE", saveNoteDraftAction, { noteId, revision: 1, ...empty, body: "later" }),
    ).toEqual({
      ok: false,
      error: {
        code: "CONFLICT",
        message: "This note is signed and can no longer be changed. Add an addendum instead.",
      },
    });
  });

  it("refuses to sign an empty note", async () => {
    const note = await clinical().note({ authorId: doctor().id });
    expect(
      await clinic.callAs("DOCTOR", signNoteAction, {
        noteId: note.id,
        revision: 0,
        ...empty,
        subjective: "  ",
      }),
    ).toMatchObject({ ok: false, error: { code: "INVALID" } });
  });

  it("adds addenda to a signed note only, and they cannot be changed or deleted", async () => {
    const draft = await clinical().note({ authorId: doctor().id });
    expect(await clinic.callAs("NURSE", addAddendumAction, { noteId: draft.id, body: "x" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    const signed = await clinical().note({ authorId: doctor().id, signed: true });
    const { addendumId } = dataOf(
      await clinic.callAs("NURSE", addAddendumAction, { noteId: signed.id, body: "Swab sent to the lab." }),
    );

    await expect(
      clinic.db.$executeRaw`UPDATE note_addenda SET body = 'changed' WHERE id = ${addendumId}::uuid`,
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(
      clinic.db.$executeRaw`DELETE FROM note_addenda WHERE id = ${addendumId}::uuid`,
    ).rejects.toThrow(/cannot be changed or deleted/);
    expect(await clinic.db.noteAddendum.findUniqueOrThrow({ where: { id: addendumId } })).toMatchObject({
      body: "Swab sent to the lab.",
      authorId: clinic.members.NURSE.id,
    });
  });

  it("marks a note entered in error by its author or a doctor, with a reason, audited", async () => {
    const nurseNote = await clinical().note({
      authorId: clinic.members.NURSE.id,
      signed: true,
      kind: "TRIAGE",
    });
    const otherNurse = await clinic.addMember("NURSE");
    expect(
      await clinic.callAs(otherNurse, markNoteEnteredInErrorAction, {
        noteId: nurseNote.id,
        reason: "Wrong patient",
      }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    dataOf(
      await clinic.callAs("DOCTOR", markNoteEnteredInErrorAction, {
        noteId: nurseNote.id,
        reason: "Wrong patient",
      }),
    );

    expect(await clinic.db.clinicalNote.findUniqueOrThrow({ where: { id: nurseNote.id } })).toMatchObject({
      status: "ENTERED_IN_ERROR",
      enteredInErrorById: doctor().id,
      enteredInErrorReason: "Wrong patient",
      subjective: "Sample history",
    });
    const audit = await clinic.db.auditEvent.findFirstOrThrow({
      where: { targetId: nurseNote.id, action: "note.entered-in-error" },
    });
    expect(audit.details).toEqual({
      patientId: nurseNote.patientId,
      visitId: nurseNote.visitId,
      kind: "TRIAGE",
      from: "SIGNED",
    });
  });
});

describe("the signed-note lock, as the clinic's own database role", () => {
  it("refuses a content change and a delete of a signed note through raw SQL", async () => {
    const note = await clinical().note({ signed: true });

    await expect(
      clinic.db.$executeRaw`UPDATE clinical_notes SET subjective = 'rewritten' WHERE id = ${note.id}::uuid`,
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      clinic.db.$executeRaw`UPDATE clinical_notes SET status = 'DRAFT' WHERE id = ${note.id}::uuid`,
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      clinic.db.$executeRaw`DELETE FROM clinical_notes WHERE id = ${note.id}::uuid`,
    ).rejects.toThrow(/cannot be deleted/);
    expect(await clinic.db.clinicalNote.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      subjective: "Sample history",
      status: "SIGNED",
    });
  });

  it("allows SIGNED → ENTERED_IN_ERROR with who, when and why, and nothing after it", async () => {
    const note = await clinical().note({ signed: true });
    const marker = clinic.members.DOCTOR.id;

    await clinic.db
      .$executeRaw`UPDATE clinical_notes SET status = 'ENTERED_IN_ERROR', entered_in_error_at = now(),
      entered_in_error_by_id = ${marker}::uuid, entered_in_error_reason = 'Wrong patient' WHERE id = ${note.id}::uuid`;

    expect(await clinic.db.clinicalNote.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      status: "ENTERED_IN_ERROR",
      enteredInErrorReason: "Wrong patient",
    });
    await expect(
      clinic.db.$executeRaw`UPDATE clinical_notes SET status = 'SIGNED' WHERE id = ${note.id}::uuid`,
    ).rejects.toThrow(/cannot be changed/);
  });

  it("runs as the clinic's own role, not a superuser", async () => {
    const [role] = await clinic.db.$queryRaw<{ name: string; rolsuper: boolean }[]>`
      SELECT current_user AS name, rolsuper FROM pg_roles WHERE rolname = current_user`;
    expect(role).toMatchObject({ rolsuper: false });
    expect(role?.name).not.toBe("postgres");
  });
});
