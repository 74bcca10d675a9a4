import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLocations } from "@/lib/clinic/locations";
import { type ClinicFixture, createClinicFixture, type TestClinic } from "@/lib/testing/clinic-fixture";
import { TEST_CLIENT } from "@/lib/testing/requests";
import { ROLE_REFUSED, rolesWith, rolesWithout } from "@/lib/testing/roles";
import { locationSchema } from "@/lib/validations/locations";
import { createLocationAction } from "./create-location";
import { deactivateLocationAction } from "./deactivate-location";
import { deleteLocationAction } from "./delete-location";
import { reactivateLocationAction } from "./reactivate-location";
import { updateLocationAction } from "./update-location";

let clinic: ClinicFixture;
/** A second clinic on the same platform: its ids must mean nothing to the first. */
let other: TestClinic;

beforeAll(async () => {
  clinic = await createClinicFixture({ subdomain: "alder" });
  other = await clinic.addClinic("alder-other");
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

const auditCount = () => clinic.db.auditEvent.count();

describe.each(rolesWith("locations.manage"))("a %s, who manages locations", (role) => {
  it("creates, edits, deactivates and reactivates a location, each step in the audit trail", async () => {
    const created = await clinic.callAs(role, createLocationAction, newLocation());
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
    expect(events.map((event) => [event.action, event.actorId])).toEqual(
      ["location.created", "location.updated", "location.deactivated", "location.reactivated"].map(
        (action) => [action, clinic.members[role].id],
      ),
    );
    expect(events[0]).toMatchObject({ actorEmail: clinic.members[role].email, ip: TEST_CLIENT.ip });
  });
});

describe.each(rolesWithout("locations.manage"))("a %s, who does not manage locations", (role) => {
  it("may not create, edit, deactivate, reactivate or delete a location, and nothing changes", async () => {
    const existing = await createLocation();
    const inactive = await createLocation();
    await clinic.db.location.update({ where: { id: inactive.id }, data: { active: false } });
    const [locations, audits] = [await locationCount(), await auditCount()];

    expect(await clinic.callAs(role, createLocationAction, newLocation())).toEqual(ROLE_REFUSED);
    expect(
      await clinic.callAs(role, updateLocationAction, { ...newLocation(), locationId: existing.id }),
    ).toEqual(ROLE_REFUSED);
    expect(await clinic.callAs(role, deactivateLocationAction, { locationId: existing.id })).toEqual(
      ROLE_REFUSED,
    );
    expect(await clinic.callAs(role, reactivateLocationAction, { locationId: inactive.id })).toEqual(
      ROLE_REFUSED,
    );
    expect(await clinic.callAs(role, deleteLocationAction, { locationId: existing.id })).toEqual(
      ROLE_REFUSED,
    );

    expect(await clinic.db.location.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      name: existing.name,
      active: true,
    });
    expect(await clinic.db.location.findUniqueOrThrow({ where: { id: inactive.id } })).toMatchObject({
      active: false,
    });
    expect(await locationCount()).toBe(locations);
    expect(await auditCount()).toBe(audits);
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
    await expect(
      clinic.db.auditEvent.findFirstOrThrow({ where: { targetId: location.id, action: "location.deleted" } }),
    ).resolves.toMatchObject({ actorId: clinic.members.OWNER.id, ip: TEST_CLIENT.ip });
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
    const audits = await auditCount();
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
    expect(await auditCount()).toBe(audits);
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

  it("lists every location with what refers to it, the main one first and closed ones last", async () => {
    const closed = await createLocation();
    await clinic.callAs("OWNER", deactivateLocationAction, { locationId: closed.id });
    const used = await createLocation();
    await clinic.db.workingHours.create({
      data: {
        doctorId: clinic.members.DOCTOR.id,
        locationId: used.id,
        weekday: 2,
        startMinute: 540,
        endMinute: 600,
      },
    });
    const list = await findLocations({ db: clinic.db });
    expect(list[0]).toMatchObject({ isMain: true, active: true });
    expect(list.every((location) => typeof location.usage.workingHours === "number")).toBe(true);
    expect(list.find((location) => location.id === used.id)?.usage).toEqual({
      appointments: 0,
      workingHours: 1,
      overrides: 0,
    });
    expect(list.find((location) => location.id === closed.id)).toMatchObject({ active: false });
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

  it("takes % _ and \\ in a name as themselves: no clash with other names, no error", async () => {
    await createLocation();
    for (const name of ["%", "Branch _", "Back\\slash \\"]) {
      expect(await clinic.callAs("OWNER", createLocationAction, newLocation({ name }))).toMatchObject({
        ok: true,
        data: { name },
      });
    }
    expect(
      await clinic.callAs("OWNER", createLocationAction, newLocation({ name: "back\\SLASH \\" })),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
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
          "openingHours.4.0.start": "Enter a time such as 9:30 or 14:00.",
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
    const elsewhere = await other.db.location.findFirstOrThrow();
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
    expect(await other.db.location.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({
      name: elsewhere.name,
      active: true,
    });
  });
});
