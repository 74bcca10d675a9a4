import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { type AppointmentTypeInput, taxColumnsOf } from "@/lib/validations/price-list";
import { codeTaken, findClinicCurrency, isUniqueViolation, nameTaken, priceMinorOf } from "./price-of";

type TenantTx = Prisma.TransactionClient;

const notFound = () => new AppError("NOT_FOUND", "No such appointment type. Reload the page.");

async function refuseTaken<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const target = JSON.stringify((error as { meta?: unknown }).meta ?? "");
    throw target.includes("code") ? codeTaken() : nameTaken();
  }
}

/** Makes `typeId` the one default: the others lose it first (the partial unique index allows one). */
async function moveDefault(tx: TenantTx, typeId: string): Promise<string | null> {
  const previous = await tx.appointmentType.findFirst({ where: { isDefault: true }, select: { id: true } });
  if (previous?.id === typeId) return null;
  await tx.appointmentType.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
  await tx.appointmentType.update({ where: { id: typeId }, data: { isDefault: true } });
  return previous?.id ?? "";
}

/** Adds an appointment type with its own price-list item; the first type becomes the default. */
export async function createAppointmentType(options: {
  db: TenantDb;
  actor: Actor;
  input: AppointmentTypeInput;
}) {
  const { db, actor, input } = options;
  const currency = await findClinicCurrency(db);
  const priceMinor = priceMinorOf(input.price, currency);
  return refuseTaken(() =>
    db.$transaction(async (tx) => {
      const item = await tx.billableItem.create({
        data: { code: input.code, name: input.name, priceMinor, ...taxColumnsOf(input) },
      });
      const type = await tx.appointmentType.create({
        data: {
          name: input.name,
          durationMinutes: input.durationMinutes,
          colour: input.colour,
          itemId: item.id,
        },
      });
      const isDefault =
        input.isDefault || (await tx.appointmentType.count({ where: { isDefault: true } })) === 0;
      if (isDefault) await moveDefault(tx, type.id);
      await recordAuditEvent(tx, {
        actor,
        action: "appointment-type.added",
        targetType: "appointment-type",
        targetId: type.id,
        details: {
          name: type.name,
          code: item.code,
          priceMinor,
          currency,
          durationMinutes: type.durationMinutes,
        },
      });
      return { ...type, isDefault };
    }),
  );
}

/** Changes a type and its price; appointments already booked keep the type. */
export async function updateAppointmentType(options: {
  db: TenantDb;
  actor: Actor;
  typeId: string;
  input: AppointmentTypeInput;
}) {
  const { db, actor, typeId, input } = options;
  const currency = await findClinicCurrency(db);
  const priceMinor = priceMinorOf(input.price, currency);
  return refuseTaken(() =>
    db.$transaction(async (tx) => {
      const before = await tx.appointmentType.findUnique({ where: { id: typeId }, include: { item: true } });
      if (!before) throw notFound();
      if (input.isDefault && !before.active)
        throw new AppError("CONFLICT", "Reactivate this type before making it the default.");
      const item = await tx.billableItem.update({
        where: { id: before.itemId },
        data: { code: input.code, name: input.name, priceMinor, ...taxColumnsOf(input) },
      });
      const type = await tx.appointmentType.update({
        where: { id: typeId },
        data: { name: input.name, durationMinutes: input.durationMinutes, colour: input.colour },
      });
      const movedFrom = input.isDefault ? await moveDefault(tx, typeId) : null;
      const typeFields = ["name", "durationMinutes", "colour"] as const;
      const itemFields = ["code", "priceMinor", "taxTreatment", "taxRateBp", "exemptReason"] as const;
      const changed = [
        ...typeFields.filter((field) => before[field] !== type[field]),
        ...itemFields.filter((field) => before.item[field] !== item[field]),
        ...(movedFrom !== null ? ["default"] : []),
      ];
      if (changed.length > 0) {
        await recordAuditEvent(tx, {
          actor,
          action: "appointment-type.changed",
          targetType: "appointment-type",
          targetId: typeId,
          details: {
            name: type.name,
            changed: changed.join(", "),
            currency,
            ...(before.item.priceMinor !== priceMinor
              ? { fromPriceMinor: before.item.priceMinor, toPriceMinor: priceMinor }
              : {}),
          },
        });
      }
      return type;
    }),
  );
}

/** Makes a type the clinic's default (the one booking picks when the doctor has none). */
export async function setDefaultAppointmentType(options: { db: TenantDb; actor: Actor; typeId: string }) {
  const { db, actor, typeId } = options;
  return db.$transaction(async (tx) => {
    const type = await tx.appointmentType.findUnique({ where: { id: typeId } });
    if (!type) throw notFound();
    if (!type.active) throw new AppError("CONFLICT", "Reactivate this type before making it the default.");
    const movedFrom = await moveDefault(tx, typeId);
    if (movedFrom === null) return { changed: false };
    await recordAuditEvent(tx, {
      actor,
      action: "appointment-type.default-set",
      targetType: "appointment-type",
      targetId: typeId,
      details: { name: type.name },
    });
    return { changed: true };
  });
}

/** Takes a type off the booking list (or back); booked appointments keep it. The default stays active. */
export async function setAppointmentTypeActive(options: {
  db: TenantDb;
  actor: Actor;
  typeId: string;
  active: boolean;
}) {
  const { db, actor, typeId, active } = options;
  return db.$transaction(async (tx) => {
    const type = await tx.appointmentType.findUnique({ where: { id: typeId } });
    if (!type) throw notFound();
    if (!active && type.isDefault)
      throw new AppError("CONFLICT", "This is the default type: make another type the default first.");
    if (type.active === active) return { changed: false };
    await tx.appointmentType.update({ where: { id: typeId }, data: { active } });
    await tx.billableItem.update({ where: { id: type.itemId }, data: { active } });
    await recordAuditEvent(tx, {
      actor,
      action: active ? "appointment-type.reactivated" : "appointment-type.deactivated",
      targetType: "appointment-type",
      targetId: typeId,
      details: { name: type.name },
    });
    return { changed: true };
  });
}
