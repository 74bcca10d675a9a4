import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { type BillableItemInput, taxColumnsOf } from "@/lib/validations/price-list";
import { codeTaken, findClinicCurrency, isUniqueViolation, priceMinorOf } from "./price-of";

const notFound = () => new AppError("NOT_FOUND", "No such item in the price list. Reload the page.");

async function refuseTakenCode<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

/** Adds an item to the price list (not an appointment type: those add their own item). */
export async function createBillableItem(options: { db: TenantDb; actor: Actor; input: BillableItemInput }) {
  const { db, actor, input } = options;
  const currency = await findClinicCurrency(db);
  const priceMinor = priceMinorOf(input.price, currency);
  return refuseTakenCode(() =>
    db.$transaction(async (tx) => {
      const item = await tx.billableItem.create({
        data: { code: input.code, name: input.name, priceMinor, ...taxColumnsOf(input) },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "price-item.added",
        targetType: "billable-item",
        targetId: item.id,
        details: { code: item.code, name: item.name, priceMinor, currency },
      });
      return item;
    }),
  );
}

/** Changes an item; a price change is audited with the old and new minor amounts. */
export async function updateBillableItem(options: {
  db: TenantDb;
  actor: Actor;
  itemId: string;
  input: BillableItemInput;
}) {
  const { db, actor, itemId, input } = options;
  const currency = await findClinicCurrency(db);
  const priceMinor = priceMinorOf(input.price, currency);
  return refuseTakenCode(() =>
    db.$transaction(async (tx) => {
      const before = await tx.billableItem.findUnique({
        where: { id: itemId },
        include: { _count: { select: { appointmentTypes: true } } },
      });
      if (!before) throw notFound();
      if (before._count.appointmentTypes > 0)
        throw new AppError("CONFLICT", "This is an appointment type's price: change it on the type.");
      const item = await tx.billableItem.update({
        where: { id: itemId },
        data: { code: input.code, name: input.name, priceMinor, ...taxColumnsOf(input) },
      });
      const fields = ["code", "name", "priceMinor", "taxTreatment", "taxRateBp", "exemptReason"] as const;
      const changed = fields.filter((field) => before[field] !== item[field]);
      if (changed.length > 0) {
        await recordAuditEvent(tx, {
          actor,
          action: "price-item.changed",
          targetType: "billable-item",
          targetId: item.id,
          details: {
            code: item.code,
            name: item.name,
            changed: changed.join(", "),
            currency,
            ...(before.priceMinor !== item.priceMinor
              ? { fromPriceMinor: before.priceMinor, toPriceMinor: item.priceMinor }
              : {}),
          },
        });
      }
      return item;
    }),
  );
}

/** Takes an item off (or back onto) the price list; it is never deleted, old invoices keep it. */
export async function setBillableItemActive(options: {
  db: TenantDb;
  actor: Actor;
  itemId: string;
  active: boolean;
}) {
  const { db, actor, itemId, active } = options;
  return db.$transaction(async (tx) => {
    const item = await tx.billableItem.findUnique({
      where: { id: itemId },
      select: { code: true, active: true, _count: { select: { appointmentTypes: true } } },
    });
    if (!item) throw notFound();
    if (item._count.appointmentTypes > 0)
      throw new AppError("CONFLICT", "This is an appointment type's price: deactivate the type instead.");
    if (item.active === active) return { changed: false };
    await tx.billableItem.update({ where: { id: itemId }, data: { active } });
    await recordAuditEvent(tx, {
      actor,
      action: active ? "price-item.reactivated" : "price-item.deactivated",
      targetType: "billable-item",
      targetId: itemId,
      details: { code: item.code },
    });
    return { changed: true };
  });
}
