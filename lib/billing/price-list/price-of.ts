import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/tenant/client";
import type { TenantDb } from "@/lib/tenancy/tenant-db";
import { parseMoneyInput } from "../money-input";

type TenantTx = Prisma.TransactionClient;

/** The clinic's currency (ISO 4217), which every price is in. */
export async function findClinicCurrency(db: TenantDb | TenantTx): Promise<string> {
  const row = await db.clinicSetting.findUnique({ where: { id: 1 }, select: { currency: true } });
  return row?.currency ?? "USD";
}

/** A typed price as minor units of the clinic's currency, or a field error in the form's words. */
export function priceMinorOf(price: string, currency: string): number {
  const parsed = parseMoneyInput(price, currency);
  if (!parsed.ok) throw new AppError("INVALID", parsed.message, { price: parsed.message });
  return parsed.minor;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export const codeTaken = () =>
  new AppError("CONFLICT", "Another item already has this code. Choose another code.", {
    code: "Another item already has this code.",
  });

export const nameTaken = () =>
  new AppError("CONFLICT", "Another appointment type already has this name. Choose another name.", {
    name: "Another appointment type already has this name.",
  });
