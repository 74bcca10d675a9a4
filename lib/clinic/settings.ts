import type { Actor } from "@/lib/auth/actor";
import { isUnitSystem, type UnitSystem } from "@/lib/clinical/vital-units";
import type { CentralDb } from "@/lib/db/central";
import { conflictWhenLocked } from "@/lib/db/locked-record";
import { type Country, isCountry, isPaperSize, type PaperSize } from "@/lib/documents/country-profiles";
import { AppError } from "@/lib/errors";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import type { ClinicSettings } from "@/lib/validations/clinic-settings";
import { recordAuditEvent } from "./audit";
import { type ClinicClock, DEFAULT_CLINIC_CLOCK, isDateOrder } from "./clock-input";

const settingsFields = {
  name: true,
  timezone: true,
  currency: true,
  contactEmail: true,
  contactPhone: true,
  dateOrder: true,
  hour12: true,
  unitSystem: true,
  maxUploadMb: true,
  country: true,
  paperSize: true,
  legalName: true,
  legalAddress: true,
  taxId: true,
  pricesIncludeTax: true,
  noShowItemId: true,
} as const;

/** The settings as saved, with the clinic's way of writing dates and times, its units, upload limit and paper always there. */
export type SavedClinicSettings = ClinicSettings &
  ClinicClock & { unitSystem: UnitSystem; maxUploadMb: number; country: Country; paperSize: PaperSize };

function savedOf(
  row: Omit<SavedClinicSettings, "dateOrder" | "unitSystem" | "country" | "paperSize"> & {
    dateOrder: string;
    unitSystem: string;
    country: string;
    paperSize: string;
  },
): SavedClinicSettings {
  return {
    ...row,
    dateOrder: isDateOrder(row.dateOrder) ? row.dateOrder : DEFAULT_CLINIC_CLOCK.dateOrder,
    unitSystem: isUnitSystem(row.unitSystem) ? row.unitSystem : "METRIC",
    country: isCountry(row.country) ? row.country : "GENERIC",
    paperSize: isPaperSize(row.paperSize) ? row.paperSize : "A4",
  };
}

export async function findClinicSettings(options: { db: TenantDb }): Promise<SavedClinicSettings> {
  return savedOf(
    await options.db.clinicSetting.findUniqueOrThrow({ where: { id: 1 }, select: settingsFields }),
  );
}

/**
 * Saves the clinic's settings (and the audit event) in its own database, then its name in the
 * central `clinics` row too, which the admin console and the sign-in page show. The two databases
 * cannot share a transaction: if the central write fails, saving again repeats both.
 */
export async function updateClinicSettings(options: {
  db: TenantDb;
  central: CentralDb;
  subdomain: string;
  actor: Actor;
  settings: ClinicSettings;
}): Promise<SavedClinicSettings> {
  const { db, central, subdomain, actor, settings } = options;
  const saved = await conflictWhenLocked(
    CURRENCY_FIXED,
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.clinicSetting.findUniqueOrThrow({ where: { id: 1 }, select: settingsFields });
        if (settings.noShowItemId) {
          const item = await tx.billableItem.findUnique({
            where: { id: settings.noShowItemId },
            select: { active: true },
          });
          if (!item?.active) {
            const message = "Choose an active item from the price list, or none.";
            throw new AppError("INVALID", message, { noShowItemId: message });
          }
        }
        const after = await tx.clinicSetting.update({
          where: { id: 1 },
          data: settings,
          select: settingsFields,
        });
        const changed = (Object.keys(settingsFields) as (keyof SavedClinicSettings)[]).filter(
          (field) => before[field] !== after[field],
        );
        if (changed.length > 0) {
          await recordAuditEvent(tx, {
            actor,
            action: "clinic-settings.updated",
            targetType: "clinic-settings",
            details: { changed: changed.join(", ") },
          });
        }
        return savedOf(after);
      }),
    "currency",
  );
  await central.clinic.updateMany({
    where: { subdomain, name: { not: saved.name } },
    data: { name: saved.name },
  });
  return saved;
}

const CURRENCY_FIXED =
  "The currency cannot change once an invoice has been issued: invoices and payments are kept in it. Keep the current currency.";

/** The clinic's time zone (UTC until set): every clinic-local date and time is read in it. */
export async function findClinicTimeZone(db: TenantDb): Promise<string> {
  const settings = await db.clinicSetting.findUnique({ where: { id: 1 }, select: { timezone: true } });
  return settings?.timezone ?? "UTC";
}

/** The clinic's zone and how it writes dates and times, in one query: for server-side sentences. */
export async function findClinicClock(db: TenantDb): Promise<ClinicClock & { timeZone: string }> {
  const row = await db.clinicSetting.findUnique({
    where: { id: 1 },
    select: { timezone: true, dateOrder: true, hour12: true },
  });
  if (!row) return { timeZone: "UTC", ...DEFAULT_CLINIC_CLOCK };
  const dateOrder = isDateOrder(row.dateOrder) ? row.dateOrder : DEFAULT_CLINIC_CLOCK.dateOrder;
  return { timeZone: row.timezone, dateOrder, hour12: row.hour12 };
}
