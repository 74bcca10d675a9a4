import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "@/lib/testing/action-result";
import { type ClinicFixture, createClinicFixture } from "@/lib/testing/clinic-fixture";
import { priceListRowsOf } from "@/lib/testing/samples/pricelist";
import { createAppointmentTypeAction } from "./create-appointment-type";
import { createBillableItemAction } from "./create-billable-item";
import { setAppointmentTypeActiveAction } from "./set-appointment-type-active";
import { setBillableItemActiveAction } from "./set-billable-item-active";
import { setDefaultAppointmentTypeAction } from "./set-default-appointment-type";
import { updateAppointmentTypeAction } from "./update-appointment-type";
import { updateBillableItemAction } from "./update-billable-item";

let clinic: ClinicFixture;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "pricelist" });
});

afterAll(async () => {
  await clinic?.cleanup();
});

const rows = () => priceListRowsOf(clinic.db);
const dressing = {
  code: "dressing",
  name: "Wound dressing",
  price: "12.50",
  taxTreatment: "RATED",
  taxRate: "7.5",
};
const longVisit = {
  code: "LONG",
  name: "Long consultation",
  price: "80",
  taxTreatment: "EXEMPT",
  exemptReason: "Medical care: exempt from tax",
  durationMinutes: 40,
  colour: "#7c3aed",
};
const defaultType = () => clinic.db.appointmentType.findFirstOrThrow({ where: { isDefault: true } });
const auditsOf = (targetId: string) =>
  clinic.db.auditEvent.findMany({
    where: { targetId },
    orderBy: { at: "asc" },
    select: { action: true, details: true },
  });

describe("the price list's items", () => {
  it("adds an item in minor units of the clinic's currency with its tax rate, audited", async () => {
    const item = dataOf(await clinic.callAs("MANAGER", createBillableItemAction, dressing));

    expect(await clinic.db.billableItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      code: "DRESSING",
      priceMinor: 1250,
      taxTreatment: "RATED",
      taxRateBp: 750,
      exemptReason: null,
      active: true,
    });
    expect(await auditsOf(item.id)).toEqual([
      {
        action: "price-item.added",
        details: { code: "DRESSING", name: "Wound dressing", priceMinor: 1250, currency: "USD" },
      },
    ]);
  });

  it("refuses more decimals than the currency has, a taken code, and exempt without a reason", async () => {
    await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { currency: "EUR" } });
    try {
      expect(
        await clinic.callAs("OWNER", createBillableItemAction, { ...dressing, code: "X1", price: "12.345" }),
      ).toMatchObject({
        ok: false,
        error: { code: "INVALID", fields: { price: expect.stringContaining("EUR has 2") } },
      });
    } finally {
      await clinic.db.clinicSetting.update({ where: { id: 1 }, data: { currency: "USD" } });
    }
    await rows()
      .item()
      .then((item) => clinic.db.billableItem.update({ where: { id: item.id }, data: { code: "TAKEN" } }));
    expect(
      await clinic.callAs("OWNER", createBillableItemAction, { ...dressing, code: "taken" }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { code: "Another item already has this code." } },
    });
    expect(
      await clinic.callAs("OWNER", createBillableItemAction, {
        ...dressing,
        code: "X2",
        taxTreatment: "EXEMPT",
      }),
    ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { exemptReason: expect.any(String) } } });
    expect(
      await clinic.callAs("OWNER", createBillableItemAction, { ...dressing, code: "X3", taxRate: "0" }),
    ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { taxRate: expect.any(String) } } });
  });

  it("keeps zero-rated and exempt apart: no rate on either, a reason only when exempt", async () => {
    const zero = dataOf(
      await clinic.callAs("OWNER", createBillableItemAction, {
        ...dressing,
        code: "ZERO",
        taxTreatment: "ZERO_RATED",
        exemptReason: "ignored",
      }),
    );
    expect(zero).toMatchObject({ taxTreatment: "ZERO_RATED", taxRateBp: null, exemptReason: null });
  });

  it("audits a price change with the old and new minor amounts", async () => {
    const item = await rows().item({ priceMinor: 1500 });
    dataOf(
      await clinic.callAs("MANAGER", updateBillableItemAction, {
        itemId: item.id,
        ...dressing,
        code: item.code,
        name: item.name,
        taxTreatment: "ZERO_RATED",
        price: "17.25",
      }),
    );
    expect((await auditsOf(item.id)).at(-1)).toEqual({
      action: "price-item.changed",
      details: {
        code: item.code,
        name: item.name,
        changed: "priceMinor",
        currency: "USD",
        fromPriceMinor: 1500,
        toPriceMinor: 1725,
      },
    });
  });

  it("deactivates rather than deletes, and receptionists cannot change prices", async () => {
    const item = await rows().item();
    dataOf(await clinic.callAs("OWNER", setBillableItemActiveAction, { itemId: item.id, active: false }));
    expect(await clinic.db.billableItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      active: false,
    });
    for (const role of ["RECEPTIONIST", "BILLING", "DOCTOR"] as const) {
      expect(
        await clinic.callAs(role, setBillableItemActiveAction, { itemId: item.id, active: true }),
      ).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
    }
  });
});

describe("appointment types", () => {
  it("adds a type with its own priced item; booked appointments keep a deactivated type", async () => {
    const type = dataOf(await clinic.callAs("MANAGER", createAppointmentTypeAction, longVisit));

    expect(
      await clinic.db.appointmentType.findUniqueOrThrow({ where: { id: type.id }, include: { item: true } }),
    ).toMatchObject({
      name: "Long consultation",
      durationMinutes: 40,
      isDefault: false,
      item: {
        code: "LONG",
        priceMinor: 8000,
        taxTreatment: "EXEMPT",
        exemptReason: "Medical care: exempt from tax",
      },
    });
    dataOf(
      await clinic.callAs("MANAGER", setAppointmentTypeActiveAction, { typeId: type.id, active: false }),
    );
    expect(await clinic.db.appointmentType.findUniqueOrThrow({ where: { id: type.id } })).toMatchObject({
      active: false,
    });
  });

  it("keeps exactly one default: setting another default moves it", async () => {
    const before = await defaultType();
    const type = await rows().type();

    dataOf(await clinic.callAs("OWNER", setDefaultAppointmentTypeAction, { typeId: type.id }));

    expect(await clinic.db.appointmentType.count({ where: { isDefault: true } })).toBe(1);
    expect((await defaultType()).id).toBe(type.id);
    expect(before.id).not.toBe(type.id);
    expect(
      await clinic.callAs("OWNER", setAppointmentTypeActiveAction, { typeId: type.id, active: false }),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("make another type the default") },
    });
    dataOf(await clinic.callAs("OWNER", setDefaultAppointmentTypeAction, { typeId: before.id }));
  });

  it("moves the default when a type is saved as the default, and audits its price change", async () => {
    const type = await rows().type({ priceMinor: 4000 });
    const item = await clinic.db.billableItem.findUniqueOrThrow({ where: { id: type.itemId } });
    const previous = await defaultType();

    dataOf(
      await clinic.callAs("MANAGER", updateAppointmentTypeAction, {
        ...longVisit,
        typeId: type.id,
        name: type.name,
        code: item.code,
        durationMinutes: 30,
        colour: "#2563eb",
        taxTreatment: "ZERO_RATED",
        price: "45",
        isDefault: true,
      }),
    );

    expect((await defaultType()).id).toBe(type.id);
    expect((await auditsOf(type.id)).at(-1)).toMatchObject({
      action: "appointment-type.changed",
      details: { changed: "priceMinor, default", fromPriceMinor: 4000, toPriceMinor: 4500 },
    });
    dataOf(await clinic.callAs("OWNER", setDefaultAppointmentTypeAction, { typeId: previous.id }));
  });

  it("refuses a second type with the same name, in words for the field", async () => {
    const type = await rows().type();
    expect(
      await clinic.callAs("OWNER", createAppointmentTypeAction, {
        ...longVisit,
        code: "OTHER-CODE",
        name: type.name,
      }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT", fields: { name: expect.any(String) } } });
  });
});
