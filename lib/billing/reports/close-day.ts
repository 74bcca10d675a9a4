import type { Actor } from "@/lib/auth/actor";
import { currencyDigits, parseMoney } from "@/lib/billing/money-input";
import { recordAuditEvent } from "@/lib/clinic/audit";
import { formatClinicTime } from "@/lib/clinic/time";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { clinicToday } from "./business-day";
import { findDayFigures } from "./day-figures";

export type ClosedDay = {
  dayCloseId: string;
  expectedCashMinor: number;
  countedCashMinor: number;
  /** Counted − expected: negative when cash is missing. */
  differenceMinor: number;
};

/**
 * Closes a location's business day: the figures as they stand, the cash counted and the difference,
 * written once with its audit row. A day already closed is refused, naming who closed it.
 */
export async function closeDay(options: {
  db: TenantDb;
  actor: Actor;
  locationId: string;
  businessDate: string;
  countedCashMinor: number;
  note?: string | null;
  now?: Date;
}): Promise<ClosedDay> {
  const { db, actor, locationId, businessDate, countedCashMinor } = options;
  const settings = await db.clinicSetting.findUniqueOrThrow({
    where: { id: 1 },
    select: { timezone: true, currency: true },
  });
  const timeZone = settings.timezone;
  if (businessDate > clinicToday(timeZone, options.now)) {
    throw new AppError(
      "INVALID",
      "A day can be closed only once it has started. Pick today or an earlier day.",
      {
        businessDate: "Pick today or an earlier day.",
      },
    );
  }
  const location = await db.location.findUnique({ where: { id: locationId }, select: { id: true } });
  if (!location)
    throw new AppError("NOT_FOUND", "This location no longer exists. Reload the page and pick one.");
  try {
    return await db.$transaction(async (tx) => {
      await refuseIfClosed(tx, locationId, businessDate, timeZone);
      const figures = await findDayFigures({ db: tx, locationId, businessDate, timeZone });
      const differenceMinor = countedCashMinor - figures.expectedCashMinor;
      const closed = await tx.dayClose.create({
        data: {
          locationId,
          businessDate: new Date(`${businessDate}T00:00:00Z`),
          expectedCashMinor: figures.expectedCashMinor,
          countedCashMinor,
          differenceMinor,
          figures: figures as unknown as Prisma.InputJsonValue,
          note: options.note || null,
          closedById: actor.id,
        },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "day.closed",
        targetType: "DayClose",
        targetId: closed.id,
        details: {
          locationId,
          businessDate,
          expectedCashMinor: figures.expectedCashMinor,
          countedCashMinor,
          differenceMinor,
          currency: settings.currency,
        },
      });
      return {
        dayCloseId: closed.id,
        expectedCashMinor: figures.expectedCashMinor,
        countedCashMinor,
        differenceMinor,
      };
    });
  } catch (error) {
    // Two people closing the same day at once: the unique index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      await refuseIfClosed(db, locationId, businessDate, timeZone);
    }
    throw error;
  }
}

async function refuseIfClosed(
  db: TenantDb | Prisma.TransactionClient,
  locationId: string,
  businessDate: string,
  timeZone: string,
): Promise<void> {
  const closed = await db.dayClose.findUnique({
    where: { locationId_businessDate: { locationId, businessDate: new Date(`${businessDate}T00:00:00Z`) } },
    select: { closedById: true, closedAt: true },
  });
  if (!closed) return;
  const closer = await db.staffUser.findUnique({ where: { id: closed.closedById }, select: { name: true } });
  throw new AppError(
    "CONFLICT",
    `This day was already closed by ${closer?.name ?? "a former member of staff"} at ${formatClinicTime(closed.closedAt, timeZone)}. Its figures cannot change; open it to see them.`,
  );
}

/** The counted cash as typed ("120.50") in the clinic currency's minor units. */
export async function countedCashMinorOf(db: TenantDb, text: string): Promise<number> {
  const settings = await db.clinicSetting.findUniqueOrThrow({ where: { id: 1 }, select: { currency: true } });
  const minor = parseMoney(text, settings.currency);
  if (minor === null) {
    const message = `${settings.currency} has ${currencyDigits(settings.currency)} decimal places: enter the cash counted with no more.`;
    throw new AppError("INVALID", message, { countedCash: message });
  }
  return minor;
}
