import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { sampleLine } from "@/lib/testing/sample-lines";
import { prescriptionRowsOf } from "@/lib/testing/samples/prescriptions";
import { saveFavouriteAction } from "../favourites/save-favourite";
import { cancelPrescriptionAction } from "./cancel-prescription";
import { markPrescriptionEnteredInErrorAction } from "./mark-prescription-entered-in-error";
import { signPrescriptionAction } from "./sign-prescription";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "rxsign" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const doctor = () => clinic.members.DOCTOR;
const rx = () => prescriptionRowsOf(clinic.db);

/** A draft of the fixture's doctor, as the editor would send it back. */
const ownDraft = (patientId?: string) => rx().editorDraft({ prescriberId: doctor().id, patientId });

describe("signing", () => {
  it("numbers the prescription and makes each line active from now to the end of its course", async () => {
    const draft = await ownDraft();
    const signed = dataOf(
      await clinic.callAs("DOCTOR", signPrescriptionAction, {
        ...draft,
        lines: [{ ...sampleLine("Amoxicillin"), durationValue: 7, durationUnit: "DAY", refills: 1 }],
      }),
    );
    expect(signed.number).toMatch(/^RX-\d{6}$/);
    const row = await clinic.db.prescription.findUniqueOrThrow({
      where: { id: draft.prescriptionId },
      include: { lines: true },
    });
    expect(row).toMatchObject({ status: "SIGNED", number: signed.number, signedAt: signed.signedAt });
    expect(row.heading).toMatchObject({ author: { id: doctor().id }, patient: { id: draft.patientId } });
    expect(row.lines[0]).toMatchObject({ status: "ACTIVE", startsAt: signed.signedAt });
    expect(row.lines[0]?.endsAt?.getTime()).toBe(signed.signedAt.getTime() + 14 * 86_400_000);
  });

  it("gives ten drafts signed at once ten different numbers", async () => {
    const drafts = await Promise.all(Array.from({ length: 10 }, () => ownDraft()));
    const results = await Promise.all(
      drafts.map((draft) =>
        clinic.callAs("DOCTOR", signPrescriptionAction, { ...draft, lines: [sampleLine()] }),
      ),
    );
    const numbers = results.map((result) => dataOf(result).number);
    expect(new Set(numbers).size).toBe(10);
  });

  it("signs a draft once when two tabs sign it at the same moment", async () => {
    const draft = await ownDraft();
    const results = await Promise.all(
      [0, 1].map(() => clinic.callAs("DOCTOR", signPrescriptionAction, { ...draft, lines: [sampleLine()] })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(
      await clinic.db.auditEvent.count({
        where: { targetId: draft.prescriptionId, action: "prescription.signed" },
      }),
    ).toBe(1);
  });

  it("refuses while the clinic's country needs what the heading lacks, saying where to add it", async () => {
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { country: "UK" } });
    try {
      const draft = await ownDraft();
      expect(
        await clinic.callAs("DOCTOR", signPrescriptionAction, { ...draft, lines: [sampleLine()] }),
      ).toMatchObject({
        ok: false,
        error: { code: "CONFLICT", message: expect.stringContaining("add it on the patient's page") },
      });
      expect(
        (await clinic.db.prescription.findUniqueOrThrow({ where: { id: draft.prescriptionId } })).status,
      ).toBe("DRAFT");
    } finally {
      await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { country: "GENERIC" } });
    }
  });
});

/** The SQLSTATE of a refused raw statement. */
async function sqlStateOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    const { cleanDatabaseError } = await import("@/lib/db/database-error");
    return (cleanDatabaseError(error) as { sqlState?: string }).sqlState;
  }
}

describe("a signed prescription", () => {
  it("cannot have its content changed by the clinic's own role, while its status still can", async () => {
    const draft = await ownDraft();
    dataOf(await clinic.callAs("DOCTOR", signPrescriptionAction, { ...draft, lines: [sampleLine()] }));
    const id = draft.prescriptionId;

    expect(
      await sqlStateOf(
        clinic.db
          .$executeRaw`UPDATE prescription_lines SET dose_amount = '2' WHERE prescription_id = ${id}::uuid`,
      ),
    ).toBe("CR001");
    expect(
      await sqlStateOf(
        clinic.db
          .$executeRaw`UPDATE prescriptions SET location_id = location_id, number = 'RX-999999' WHERE id = ${id}::uuid`,
      ),
    ).toBe("CR001");
    expect(await sqlStateOf(clinic.db.$executeRaw`DELETE FROM prescriptions WHERE id = ${id}::uuid`)).toBe(
      "CR001",
    );
    expect(
      await sqlStateOf(
        clinic.db
          .$executeRaw`UPDATE prescription_lines SET status = 'COMPLETED', status_changed_at = now() WHERE prescription_id = ${id}::uuid`,
      ),
    ).toBeUndefined();
  });

  it("is cancelled with its lines, and can then be marked entered in error, both kept with the reason", async () => {
    const draft = await ownDraft();
    dataOf(
      await clinic.callAs("DOCTOR", signPrescriptionAction, {
        ...draft,
        lines: [sampleLine(), sampleLine("Cetirizine")],
      }),
    );
    const id = draft.prescriptionId;

    dataOf(
      await clinic.callAs("DOCTOR", cancelPrescriptionAction, {
        prescriptionId: id,
        reason: "Chose another",
      }),
    );
    const cancelled = await clinic.db.prescription.findUniqueOrThrow({
      where: { id },
      include: { lines: true },
    });
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      statusReason: "Chose another",
      statusChangedById: doctor().id,
    });
    expect(cancelled.lines.map((line) => line.status)).toEqual(["CANCELLED", "CANCELLED"]);

    dataOf(
      await clinic.callAs("DOCTOR", markPrescriptionEnteredInErrorAction, {
        prescriptionId: id,
        reason: "Wrong patient",
      }),
    );
    const marked = await clinic.db.prescription.findUniqueOrThrow({
      where: { id },
      include: { lines: true },
    });
    expect(marked.status).toBe("ENTERED_IN_ERROR");
    expect(marked.lines.map((line) => line.status)).toEqual(["ENTERED_IN_ERROR", "ENTERED_IN_ERROR"]);
    expect(
      await clinic.callAs("DOCTOR", cancelPrescriptionAction, { prescriptionId: id, reason: "Again" }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("cannot be cancelled once a line was stopped", async () => {
    const draft = await ownDraft();
    dataOf(await clinic.callAs("DOCTOR", signPrescriptionAction, { ...draft, lines: [sampleLine()] }));
    await clinic.db.prescriptionLine.updateMany({
      where: { prescriptionId: draft.prescriptionId },
      data: { status: "STOPPED", statusReason: "Rash" },
    });
    expect(
      await clinic.callAs("DOCTOR", cancelPrescriptionAction, {
        prescriptionId: draft.prescriptionId,
        reason: "No",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("already stopped") },
    });
  });
});

describe("favourites", () => {
  it("keeps a label once per doctor, whatever its case, with a field message", async () => {
    dataOf(await clinic.callAs("DOCTOR", saveFavouriteAction, { label: "Amox adult", line: sampleLine() }));
    expect(
      await clinic.callAs("DOCTOR", saveFavouriteAction, { label: "AMOX ADULT", line: sampleLine() }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { label: expect.stringContaining("already have a favourite") } },
    });
    const colleague = await clinic.addMember("DOCTOR");
    dataOf(await clinic.callAs(colleague, saveFavouriteAction, { label: "Amox adult", line: sampleLine() }));
  });
});
