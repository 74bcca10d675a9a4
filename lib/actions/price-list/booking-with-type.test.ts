import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { freshSlot, rowsOf } from "@/lib/testing/sample-rows";
import { priceListRowsOf } from "@/lib/testing/samples/pricelist";
import { bookAppointmentAction } from "../appointments/book-appointment";
import { saveDoctorProfileAction } from "../doctors/save-doctor-profile";
import { updateClinicSettingsAction } from "../settings/update-clinic-settings";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "booktype" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const rows = () => rowsOf(clinic.db);
const types = () => priceListRowsOf(clinic.db);

async function booking(extra: { typeId?: string; doctorId?: string } = {}) {
  const { startsAt, endsAt } = freshSlot();
  return {
    patientId: (await rows().patient()).id,
    doctorId: extra.doctorId ?? (await rows().doctor()).id,
    locationId: (await rows().location()).id,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    outsideHours: true,
    ...(extra.typeId ? { typeId: extra.typeId } : {}),
  };
}

const bookedType = async (id: string) =>
  (await clinic.db.appointment.findUniqueOrThrow({ where: { id }, include: { type: true } })).type;

describe("booking with an appointment type", () => {
  it("stores the chosen type with the booked length, audited", async () => {
    const type = await types().type({ durationMinutes: 45 });
    const input = await booking({ typeId: type.id });
    const start = new Date(input.startsAt);
    input.endsAt = new Date(start.getTime() + type.durationMinutes * 60_000).toISOString();

    const booked = dataOf(await clinic.callAs("RECEPTIONIST", bookAppointmentAction, input));

    const row = await clinic.db.appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(row.typeId).toBe(type.id);
    expect((row.endsAt.getTime() - row.startsAt.getTime()) / 60_000).toBe(45);
    expect(await clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: booked.id } })).toMatchObject({
      action: "appointment.booked",
      details: expect.objectContaining({ typeId: type.id }),
    });
  });

  it("without a type gives the doctor's default, else the clinic's default", async () => {
    const clinicDefault = await clinic.db.appointmentType.findFirstOrThrow({ where: { isDefault: true } });
    const doctorType = await types().type();
    const doctor = await rows().doctor();
    dataOf(
      await clinic.callAs("OWNER", saveDoctorProfileAction, {
        doctorId: doctor.id,
        calendarColor: "#0f766e",
        defaultSlotMinutes: 20,
        defaultTypeId: doctorType.id,
      }),
    );

    const withDoctorDefault = dataOf(
      await clinic.callAs("RECEPTIONIST", bookAppointmentAction, await booking({ doctorId: doctor.id })),
    );
    const withClinicDefault = dataOf(
      await clinic.callAs("RECEPTIONIST", bookAppointmentAction, await booking()),
    );

    expect((await bookedType(withDoctorDefault.id))?.id).toBe(doctorType.id);
    expect((await bookedType(withClinicDefault.id))?.id).toBe(clinicDefault.id);
  });

  it("falls back to the clinic's default when the doctor's default was deactivated", async () => {
    const clinicDefault = await clinic.db.appointmentType.findFirstOrThrow({ where: { isDefault: true } });
    const doctorType = await types().type();
    const doctor = await rows().doctor();
    await clinic.db.doctorProfile.update({
      where: { staffId: doctor.id },
      data: { defaultTypeId: doctorType.id },
    });
    await clinic.db.appointmentType.update({ where: { id: doctorType.id }, data: { active: false } });

    const booked = dataOf(
      await clinic.callAs("RECEPTIONIST", bookAppointmentAction, await booking({ doctorId: doctor.id })),
    );

    expect((await bookedType(booked.id))?.id).toBe(clinicDefault.id);
  });

  it("refuses an inactive type and another clinic's type, on the type field", async () => {
    const inactive = await types().type({ active: false });
    const other = await clinic.addClinic("booktype-other");
    const foreign = await priceListRowsOf(other.db).type();
    for (const typeId of [inactive.id, foreign.id]) {
      expect(
        await clinic.callAs("RECEPTIONIST", bookAppointmentAction, await booking({ typeId })),
      ).toMatchObject({
        ok: false,
        error: { code: "INVALID", fields: { typeId: "Choose an active appointment type from the list." } },
      });
    }
  });

  it("refuses an inactive type as a doctor's default", async () => {
    const inactive = await types().type({ active: false });
    const doctor = await rows().doctor();
    expect(
      await clinic.callAs("OWNER", saveDoctorProfileAction, {
        doctorId: doctor.id,
        calendarColor: "#0f766e",
        defaultSlotMinutes: 20,
        defaultTypeId: inactive.id,
      }),
    ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { defaultTypeId: expect.any(String) } } });
  });
});

describe("billing settings", () => {
  const settings = (extra: Record<string, unknown>) => ({
    name: "Booktype Clinic",
    timezone: "UTC",
    currency: "USD",
    ...extra,
  });

  it("saves the legal name, address, tax ID, prices-include-tax and the no-show item", async () => {
    const item = await types().item();
    const saved = dataOf(
      await clinic.callAs(
        "MANAGER",
        updateClinicSettingsAction,
        settings({
          legalName: " Booktype Medical Ltd ",
          legalAddress: "1 High Street\nTown",
          taxId: "GB123456789",
          pricesIncludeTax: true,
          noShowItemId: item.id,
        }),
      ),
    );
    expect(saved).toMatchObject({
      legalName: "Booktype Medical Ltd",
      legalAddress: "1 High Street\nTown",
      taxId: "GB123456789",
      pricesIncludeTax: true,
      noShowItemId: item.id,
    });
    const untouched = dataOf(await clinic.callAs("MANAGER", updateClinicSettingsAction, settings({})));
    expect(untouched).toMatchObject({ legalName: "Booktype Medical Ltd", noShowItemId: item.id });
  });

  it("refuses an inactive no-show item", async () => {
    const item = await types().item({ active: false });
    expect(
      await clinic.callAs("MANAGER", updateClinicSettingsAction, settings({ noShowItemId: item.id })),
    ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { noShowItemId: expect.any(String) } } });
  });

  it("refuses changing the currency once an invoice has been issued, in words, on the field", async () => {
    dataOf(await clinic.callAs("OWNER", updateClinicSettingsAction, settings({ currency: "EUR" })));
    const patient = await rows().patient();
    await clinic.db.invoice.create({
      data: {
        status: "ISSUED",
        number: "INV-2026-000001",
        issuedAt: new Date(),
        snapshot: { test: true },
        patientId: patient.id,
        locationId: (await rows().location()).id,
        currency: "EUR",
        pricesIncludeTax: false,
      },
    });

    const refused = await clinic.callAs("OWNER", updateClinicSettingsAction, settings({ currency: "GBP" }));

    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        message: expect.stringContaining("The currency cannot change once an invoice has been issued"),
        fields: { currency: expect.any(String) },
      },
    });
    expect(await clinic.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      currency: "EUR",
    });
    dataOf(
      await clinic.callAs("OWNER", updateClinicSettingsAction, settings({ currency: "EUR", taxId: "X1" })),
    );
  });
});
