import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "../errors";
import { Prisma } from "../generated/tenant/client";
import type { TenantDb } from "../tenancy/registry";
import type { LocationInput } from "../validations/locations";
import { recordAuditEvent } from "./audit";

type TenantTx = Prisma.TransactionClient;

const locationRow = {
  id: true,
  name: true,
  address: true,
  phone: true,
  isMain: true,
  active: true,
  openingHours: true,
} as const;

export type LocationRow = Prisma.LocationGetPayload<{ select: typeof locationRow }>;

/** What still points at a location: while anything does, it can be deactivated but not deleted. */
export type LocationUsage = { appointments: number; workingHours: number; overrides: number };

export type LocationListItem = LocationRow & { usage: LocationUsage };

const notFound = () => new AppError("NOT_FOUND", "No such location in this clinic.");

const nameTaken = () =>
  new AppError("CONFLICT", "Another location already has this name.", {
    name: "Another location already has this name.",
  });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Every location, active ones first (the main one on top), with what refers to each. */
export async function findLocations(options: { db: TenantDb }): Promise<LocationListItem[]> {
  const locations = await options.db.location.findMany({
    select: {
      ...locationRow,
      _count: { select: { appointments: true, workingHours: true, overrides: true } },
    },
    orderBy: [{ active: "desc" }, { isMain: "desc" }, { name: "asc" }],
  });
  return locations.map(({ _count, ...location }) => ({ ...location, usage: _count }));
}

/** One location, or null (also for an id that is not a uuid: a typed-in URL). */
export async function findLocation(options: {
  db: TenantDb;
  locationId: string;
}): Promise<LocationRow | null> {
  if (!z.uuid().safeParse(options.locationId).success) return null;
  return options.db.location.findUnique({ where: { id: options.locationId }, select: locationRow });
}

/** Every location for a picker: open ones first (the main one on top), closed ones marked. */
export function findLocationChoices(options: { db: TenantDb }) {
  return options.db.location.findMany({
    select: { id: true, name: true, active: true },
    orderBy: [{ active: "desc" }, { isMain: "desc" }, { name: "asc" }],
  });
}

async function ensureNameFree(tx: TenantTx, name: string, exceptId?: string) {
  // The unique index is case-sensitive; "North branch" beside "North Branch" would only confuse.
  // lower() = lower(), not Prisma's insensitive equals: that is an ILIKE, where % and _ match
  // anything and a trailing \ is an error.
  const clash = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM locations
    WHERE lower(name) = lower(${name}) AND id IS DISTINCT FROM ${exceptId ?? null}::uuid
    LIMIT 1`;
  if (clash.length > 0) throw nameTaken();
}

export async function createLocation(options: {
  db: TenantDb;
  actor: Actor;
  input: LocationInput;
}): Promise<LocationRow> {
  const { db, actor, input } = options;
  try {
    return await db.$transaction(async (tx) => {
      await ensureNameFree(tx, input.name);
      const location = await tx.location.create({ data: input, select: locationRow });
      await recordAuditEvent(tx, {
        actor,
        action: "location.created",
        targetType: "location",
        targetId: location.id,
        details: { name: location.name },
      });
      return location;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updateLocation(options: {
  db: TenantDb;
  actor: Actor;
  locationId: string;
  input: LocationInput;
}): Promise<LocationRow> {
  const { db, actor, locationId, input } = options;
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.location.findUnique({ where: { id: locationId }, select: locationRow });
      if (!before) throw notFound();
      await ensureNameFree(tx, input.name, locationId);
      const location = await tx.location.update({
        where: { id: locationId },
        data: input,
        select: locationRow,
      });
      await recordAuditEvent(tx, {
        actor,
        action: "location.updated",
        targetType: "location",
        targetId: location.id,
        details: {
          name: location.name,
          ...(before.name !== location.name ? { previousName: before.name } : {}),
        },
      });
      return location;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/**
 * Closes a location for new bookings and schedules; its history stays. The main location stays
 * open, and so does one with appointments still to come (they must be moved or cancelled first).
 */
export async function deactivateLocation(options: {
  db: TenantDb;
  actor: Actor;
  locationId: string;
  now?: Date;
}): Promise<LocationRow> {
  const { db, actor, locationId } = options;
  return db.$transaction(async (tx) => {
    const location = await lockLocation(tx, locationId);
    if (!location.active) return location;
    if (location.isMain)
      throw new AppError(
        "CONFLICT",
        "The main location cannot be deactivated: the clinic needs one open location.",
      );
    const upcoming = await tx.appointment.count({
      where: {
        locationId,
        status: { in: ["BOOKED", "CHECKED_IN", "IN_PROGRESS"] },
        endsAt: { gt: options.now ?? new Date() },
      },
    });
    if (upcoming > 0)
      throw new AppError(
        "CONFLICT",
        `${location.name} still has ${upcoming} upcoming appointment${upcoming === 1 ? "" : "s"}. Move or cancel ${upcoming === 1 ? "it" : "them"} first.`,
      );
    const updated = await tx.location.update({
      where: { id: locationId },
      data: { active: false },
      select: locationRow,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "location.deactivated",
      targetType: "location",
      targetId: locationId,
      details: { name: location.name },
    });
    return updated;
  });
}

export async function reactivateLocation(options: {
  db: TenantDb;
  actor: Actor;
  locationId: string;
}): Promise<LocationRow> {
  const { db, actor, locationId } = options;
  return db.$transaction(async (tx) => {
    const location = await lockLocation(tx, locationId);
    if (location.active) return location;
    const updated = await tx.location.update({
      where: { id: locationId },
      data: { active: true },
      select: locationRow,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "location.reactivated",
      targetType: "location",
      targetId: locationId,
      details: { name: location.name },
    });
    return updated;
  });
}

/**
 * Deletes a location that nothing ever referred to (a typo, a branch that never opened). Once an
 * appointment, working hours or an override names it, it can only be deactivated: history keeps it.
 */
export async function deleteLocation(options: {
  db: TenantDb;
  actor: Actor;
  locationId: string;
}): Promise<{ id: string }> {
  const { db, actor, locationId } = options;
  try {
    return await db.$transaction(async (tx) => {
      const location = await lockLocation(tx, locationId);
      if (location.isMain) throw new AppError("CONFLICT", "The main location cannot be deleted.");
      const references =
        (await tx.appointment.count({ where: { locationId } })) +
        (await tx.workingHours.count({ where: { locationId } })) +
        (await tx.availabilityOverride.count({ where: { locationId } }));
      if (references > 0) throw inUse(location.name);
      await tx.location.delete({ where: { id: locationId } });
      await recordAuditEvent(tx, {
        actor,
        action: "location.deleted",
        targetType: "location",
        targetId: locationId,
        details: { name: location.name },
      });
      return { id: locationId };
    });
  } catch (error) {
    // A booking or schedule that landed meanwhile: the foreign key refuses the delete.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      throw inUse("This location");
    }
    throw error;
  }
}

const inUse = (name: string) =>
  new AppError(
    "CONFLICT",
    `${name} is used by appointments or doctors' hours, so it stays in the records. Deactivate it instead.`,
  );

/** Reads the location and holds its row until the transaction ends, so two changes cannot interleave. */
async function lockLocation(tx: TenantTx, locationId: string): Promise<LocationRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM locations WHERE id = ${locationId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound();
  return tx.location.findUniqueOrThrow({ where: { id: locationId }, select: locationRow });
}
