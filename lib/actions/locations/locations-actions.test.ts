import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findLocations } from "@/lib/clinic/locations";
import { locationSchema } from "@/lib/validations/locations";
import { STAFF_ROLES } from "@/lib/validations/staff";
import {
  createFrontDeskTestClinic,
  FORBIDDEN,
  type FrontDeskTestClinic,
  TEST_CLIENT,
} from "../patients/front-desk-test-clinic";
import { createLocationAction } from "./create-location";
import { deactivateLocationAction } from "./deactivate-location";
import { deleteLocationAction } from "./delete-location";
import { reactivateLocationAction } from "./reactivate-location";
import { updateLocationAction } from "./update-location";

let clinic: FrontDeskTestClinic;

beforeAll(async () => {
  clinic = await createFrontDeskTestClinic("alder");
});

afterAll(async () => {
  await clinic?.cleanup();
});

const closed: { start: string; end: string }[] = [];
/** Monday to Friday 08:00–12:00 and 13:00–18:00, Saturday morning, closed on Sunday. */
const weekHours = [
  closed,
  ...Array.from({ length: 5 }, () => [
    { start: "08:00", end: "12:00" },
    { start: "13:00", end: "18:00" },
  ]),
  [{ start: "09:00", end: "12:30" }],
];

let counter = 0;
function newLocation(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    name: `Branch ${counter}`,
    address: `${counter} High Street`,
    phone: "+44 20 7946 0000",
    openingHours: weekHours,
    ...overrides,
  };
}

async function createLocation(overrides: Record<string, unknown> = {}) {
  const result = await clinic.callAs("MANAGER", createLocationAction, newLocation(overrides));
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const locationCount = () => clinic.db.location.count();

describe.each(STAFF_ROLES)("as %s", (role) => {
  const manages = clinicRoleCan(role, "locations.manage");

  it(`${manages ? "creates, edits and deactivates" : "may not create, edit or deactivate"} a location`, async () => {
    const [locations, audits] = [await locationCount(), await clinic.auditCount()];
    const created = await clinic.callAs(role, createLocationAction, newLocation());
    if (!manages) {
      expect(created).toEqual(FORBIDDEN);
      const existing = await createLocation();
      expect(
        await clinic.callAs(role, updateLocationAction, { ...newLocation(), locationId: existing.id }),
      ).toEqual(FORBIDDEN);
      expect(await clinic.callAs(role, deactivateLocationAction, { locationId: existing.id })).toEqual(
        FORBIDDEN,
      );
      expect(await clinic.callAs(role, deleteLocationAction, { locationId: existing.id })).toEqual(FORBIDDEN);
      expect(await clinic.db.location.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
        name: existing.name,
        active: true,
      });
      expect(await locationCount()).toBe(locations + 1);
      expect(await clinic.auditCount()).toBe(audits + 1);
      return;
    }
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.openingHours).toEqual([
      [],
      ...Array.from({ length: 5 }, () => [
        { start: 480, end: 720 },
        { start: 780, end: 1080 },
      ]),
      [{ start: 540, end: 750 }],
    ]);
    const id = created.data.id;
    const renamed = await clinic.callAs(role, updateLocationAction, {
      ...newLocation({ name: `Renamed by ${role}`, phone: "" }),
      locationId: id,
    });
    expect(renamed).toMatchObject({ ok: true, data: { name: `Renamed by ${role}`, phone: null } });
    expect(await clinic.callAs(role, deactivateLocationAction, { locationId: id })).toMatchObject({
      ok: true,
      data: { active: false },
    });
    expect(await clinic.callAs(role, reactivateLocationAction, { locationId: id })).toMatchObject({
      ok: true,
      data: { active: true },
    });
    const events = await clinic.db.auditEvent.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action)).toEqual([
      "location.created",
      "location.updated",
      "location.deactivated",
      "location.reactivated",
    ]);
    expect(events[0]).toMatchObject({
      actorId: clinic.members[role].id,
      actorEmail: clinic.members[role].email,
      ip: TEST_CLIENT.ip,
    });
  });
});

describe("deactivating and deleting", () => {
  it("deletes a location nothing ever referred to", async () => {
    const location = await createLocation();
    expect(await clinic.callAs("OWNER", deleteLocationAction, { locationId: location.id })).toEqual({
      ok: true,
      data: { id: location.id },
    });
    expect(await clinic.db.location.findUnique({ where: { id: location.id } })).toBeNull();
    expect(
      await clinic.db.auditEvent.findFirst({ where: { targetId: location.id, action: "location.deleted" } }),
    ).toBeTruthy();
  });

  it("keeps a location a doctor works at: it can be deactivated, not deleted", async () => {
    const location = await createLocation();
    await clinic.db.workingHours.create({
      data: {
        doctorId: clinic.members.DOCTOR.id,
        locationId: location.id,
        weekday: 1,
        startMinute: 540,
        endMinute: 600,
      },
    });
    expect(await clinic.callAs("OWNER", deleteLocationAction, { locationId: location.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("Deactivate it instead") },
    });
    expect(await clinic.callAs("OWNER", deactivateLocationAction, { locationId: location.id })).toMatchObject(
      {
        ok: true,
        data: { active: false },
      },
    );
    expect(await clinic.db.location.findUnique({ where: { id: location.id } })).toMatchObject({
      active: false,
    });
  });

  it("keeps a location with past appointments, and refuses to close one with appointments to come", async () => {
    const location = await createLocation();
    const patient = await clinic.db.patient.create({
      data: { firstName: "Loc", lastName: "Patient", dateOfBirth: new Date("1990-01-01") },
    });
    const appointment = await clinic.db.appointment.create({
      data: {
        patientId: patient.id,
        doctorId: clinic.members.DOCTOR.id,
        locationId: location.id,
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 86_400_000 + 20 * 60_000),
      },
    });
    const audits = await clinic.auditCount();
    expect(
      await clinic.callAs("MANAGER", deactivateLocationAction, { locationId: location.id }),
    ).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        message: `${location.name} still has 1 upcoming appointment. Move or cancel it first.`,
      },
    });
    expect(await clinic.callAs("MANAGER", deleteLocationAction, { locationId: location.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await clinic.auditCount()).toBe(audits);
    await clinic.db.appointment.update({ where: { id: appointment.id }, data: { status: "CANCELLED" } });
    expect(
      await clinic.callAs("MANAGER", deactivateLocationAction, { locationId: location.id }),
    ).toMatchObject({
      ok: true,
    });
    expect(await clinic.callAs("MANAGER", deleteLocationAction, { locationId: location.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
  });

  it("never closes or deletes the main location", async () => {
    const main = await clinic.db.location.findFirstOrThrow({ where: { isMain: true } });
    expect(await clinic.callAs("OWNER", deactivateLocationAction, { locationId: main.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await clinic.callAs("OWNER", deleteLocationAction, { locationId: main.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "The main location cannot be deleted." },
    });
    expect(await clinic.db.location.findUniqueOrThrow({ where: { id: main.id } })).toMatchObject({
      active: true,
    });
  });

  it("lists every location with what refers to it", async () => {
    const list = await findLocations({ db: clinic.db });
    expect(list[0]).toMatchObject({ isMain: true, active: true });
    expect(list.every((location) => typeof location.usage.workingHours === "number")).toBe(true);
    expect(list.findIndex((l) => !l.active)).toBeGreaterThan(list.findLastIndex((l) => l.active));
  });
});

describe("what forms send", () => {
  it("accepts the schema's own output (minutes) as well as typed times, as the browser form sends it", async () => {
    const parsed = locationSchema.parse(newLocation());
    const result = await clinic.callAs("OWNER", createLocationAction, parsed);
    expect(result).toMatchObject({
      ok: true,
      data: { name: parsed.name, openingHours: parsed.openingHours },
    });
  });
});

describe("bad requests", () => {
  it("refuses a name another location has, whatever its case", async () => {
    const existing = await createLocation();
    const locations = await locationCount();
    expect(
      await clinic.callAs("OWNER", createLocationAction, newLocation({ name: existing.name.toUpperCase() })),
    ).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", fields: { name: "Another location already has this name." } },
    });
    const other = await createLocation();
    expect(
      await clinic.callAs("OWNER", updateLocationAction, {
        ...newLocation({ name: existing.name }),
        locationId: other.id,
      }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await locationCount()).toBe(locations + 1);
  });

  it("refuses overlapping or backwards opening hours with a message on the interval", async () => {
    const locations = await locationCount();
    const hours = [...weekHours];
    hours[2] = [
      { start: "08:00", end: "12:00" },
      { start: "11:30", end: "14:00" },
    ];
    hours[3] = [{ start: "17:00", end: "09:00" }];
    hours[4] = [{ start: "9am", end: "17:00" }];
    expect(
      await clinic.callAs("OWNER", createLocationAction, newLocation({ openingHours: hours, name: "" })),
    ).toMatchObject({
      ok: false,
      error: {
        code: "INVALID",
        fields: {
          name: "Enter the location's name.",
          "openingHours.2.1.start": "This overlaps another interval.",
          "openingHours.3.0.end": "The end must be after the start.",
          "openingHours.4.0.start": "Enter a time as HH:MM.",
        },
      },
    });
    expect(
      await clinic.callAs(
        "OWNER",
        createLocationAction,
        newLocation({ openingHours: weekHours.slice(0, 6) }),
      ),
    ).toMatchObject({ ok: false, error: { code: "INVALID", fields: { openingHours: expect.any(String) } } });
    expect(await locationCount()).toBe(locations);
  });

  it("does not know another clinic's locations", async () => {
    const elsewhere = await clinic.otherDb.location.findFirstOrThrow();
    const notFound = { ok: false, error: { code: "NOT_FOUND", message: "No such location in this clinic." } };
    expect(
      await clinic.callAs("OWNER", updateLocationAction, { ...newLocation(), locationId: elsewhere.id }),
    ).toEqual(notFound);
    expect(await clinic.callAs("OWNER", deactivateLocationAction, { locationId: elsewhere.id })).toEqual(
      notFound,
    );
    expect(await clinic.callAs("OWNER", deleteLocationAction, { locationId: elsewhere.id })).toEqual(
      notFound,
    );
    expect(await clinic.otherDb.location.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({
      name: elsewhere.name,
      active: true,
    });
  });
});
