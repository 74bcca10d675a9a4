import { AppError } from "../errors";
import type { TenantDb } from "../tenancy/registry";

const CHOOSE = "Choose an active appointment type from the list.";

/**
 * The type a booking gets: the one chosen (an active type of this clinic), else the doctor's
 * default while it is active, else the clinic's default; null only when the clinic has no types.
 */
export async function chooseAppointmentType(
  db: TenantDb,
  request: { typeId?: string; doctorId: string },
): Promise<string | null> {
  if (request.typeId) {
    const type = await db.appointmentType.findUnique({
      where: { id: request.typeId },
      select: { active: true },
    });
    if (!type?.active) throw new AppError("INVALID", CHOOSE, { typeId: CHOOSE });
    return request.typeId;
  }
  const profile = await db.doctorProfile.findUnique({
    where: { staffId: request.doctorId },
    select: { defaultType: { select: { id: true, active: true } } },
  });
  if (profile?.defaultType?.active) return profile.defaultType.id;
  const fallback = await db.appointmentType.findFirst({ where: { isDefault: true }, select: { id: true } });
  return fallback?.id ?? null;
}
