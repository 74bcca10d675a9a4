import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findTemplates } from "@/lib/clinical/templates";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { clinicalRowsOf } from "@/lib/testing/samples/notes";
import { deleteOwnTemplateAction } from "./delete-own-template";
import { saveClinicTemplateAction } from "./save-clinic-template";
import { saveOwnTemplateAction } from "./save-own-template";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "templates" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

describe("templates and quick texts", () => {
  it("keeps the clinic's (the owner's) and a clinician's own apart, the same code allowed in each", async () => {
    const quick = { kind: "QUICK_TEXT", name: "Normal", code: " NAD ", body: "No acute distress." };
    const clinicOne = await clinic.callAs("OWNER", saveClinicTemplateAction, quick);
    const own = await clinic.callAs("DOCTOR", saveOwnTemplateAction, { ...quick, body: "Well, alert." });

    expect(clinicOne).toMatchObject({ ok: true, data: { ownerId: null, code: "nad" } });
    expect(own).toMatchObject({ ok: true, data: { ownerId: clinic.members.DOCTOR.id, code: "nad" } });
    const seen = await findTemplates({ db: clinic.db, ownerId: clinic.members.NURSE.id });
    expect(seen.map((template) => template.body)).toEqual(["No acute distress."]);
  });

  it("refuses a code already used in the same scope, and a quick text without a usable code", async () => {
    await clinic.callAs("NURSE", saveOwnTemplateAction, {
      kind: "QUICK_TEXT",
      name: "BP",
      code: "bp",
      body: "A",
    });
    expect(
      await clinic.callAs("NURSE", saveOwnTemplateAction, {
        kind: "QUICK_TEXT",
        name: "BP2",
        code: "bp",
        body: "B",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { code: expect.stringContaining(".bp") } },
    });
    expect(
      await clinic.callAs("NURSE", saveOwnTemplateAction, {
        kind: "QUICK_TEXT",
        name: "X",
        code: "1 x",
        body: "B",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID", fields: { code: expect.stringContaining("letters") } },
    });
    expect(await clinic.db.noteTemplate.count({ where: { ownerId: clinic.members.NURSE.id } })).toBe(1);
  });

  it("does not let a clinician change or delete the clinic's or a colleague's templates", async () => {
    const rows = clinicalRowsOf(clinic.db);
    const shared = await rows.template(null);
    const colleagues = await rows.template(clinic.members.NURSE.id);

    expect(
      await clinic.callAs("DOCTOR", saveOwnTemplateAction, {
        templateId: shared.id,
        kind: "TEMPLATE",
        name: "Mine now",
        body: "x",
      }),
    ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(
      await clinic.callAs("DOCTOR", deleteOwnTemplateAction, { templateId: colleagues.id }),
    ).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await clinic.db.noteTemplate.count({ where: { id: { in: [shared.id, colleagues.id] } } })).toBe(2);
  });
});
