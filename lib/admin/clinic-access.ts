import type { CentralDb } from "../db/central";
import { AppError } from "../errors";
import type { Clinic } from "../generated/central/client";

/** How a clinic admin relates to a clinic: its owner, or a co-admin the owner added. */
export type ClinicAdminRole = "owner" | "co-admin";

/**
 * A clinic the admin owns or co-admins, with their role in it. Anything else (another admin's
 * clinic, a deleted one, a made-up id) is NOT_FOUND: the console never confirms that it exists.
 */
export async function findManagedClinic(options: {
  central: CentralDb;
  userId: string;
  clinicId: string;
}): Promise<{ clinic: Clinic; role: ClinicAdminRole }> {
  const { central, userId, clinicId } = options;
  const clinic = await central.clinic.findFirst({
    where: {
      id: clinicId,
      status: { not: "DELETED" },
      OR: [{ ownerId: userId }, { coAdmins: { some: { userId } } }],
    },
  });
  if (!clinic) throw new AppError("NOT_FOUND", "None of your clinics has this id.");
  return { clinic, role: clinic.ownerId === userId ? "owner" : "co-admin" };
}

/** As findManagedClinic, for what only the owner may do (delete, manage co-admins). */
export async function findOwnedClinic(options: {
  central: CentralDb;
  userId: string;
  clinicId: string;
  /** What is refused, for the message: "delete the clinic". */
  doing: string;
}): Promise<Clinic> {
  const { clinic, role } = await findManagedClinic(options);
  if (role !== "owner")
    throw new AppError("FORBIDDEN", `Only the clinic's owner can ${options.doing}; you are a co-admin.`);
  return clinic;
}
