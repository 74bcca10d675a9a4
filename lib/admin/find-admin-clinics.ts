import type { CentralDb } from "../db/central";
import type { ClinicStatus } from "../generated/central/client";
import type { ClinicAdminRole } from "./clinic-access";
import { type ClinicAttention, findClinicAttention } from "./clinic-attention";

/** A row of "My clinics": plain values only, so it can go to the browser as it is. */
export type AdminClinicRow = {
  id: string;
  name: string;
  subdomain: string;
  status: ClinicStatus;
  statusReason: string | null;
  provisioningStep: string | null;
  schemaVersion: string | null;
  createdAt: string;
  role: ClinicAdminRole;
  /** Work under way, or why it is stuck (a failed set-up or deletion). */
  attention: ClinicAttention | null;
};

/** The clinics a clinic admin owns or co-admins, deleted ones left out, newest first. */
export async function findAdminClinics(options: {
  central: CentralDb;
  userId: string;
}): Promise<AdminClinicRow[]> {
  const { central, userId } = options;
  const clinics = await central.clinic.findMany({
    where: {
      status: { not: "DELETED" },
      OR: [{ ownerId: userId }, { coAdmins: { some: { userId } } }],
    },
    orderBy: { createdAt: "desc" },
  });
  const attention = await findClinicAttention(central, clinics);
  return clinics.map((clinic) => ({
    id: clinic.id,
    name: clinic.name,
    subdomain: clinic.subdomain,
    status: clinic.status,
    statusReason: clinic.statusReason,
    provisioningStep: clinic.provisioningStep,
    schemaVersion: clinic.schemaVersion,
    createdAt: clinic.createdAt.toISOString(),
    role: clinic.ownerId === userId ? "owner" : "co-admin",
    attention: attention.get(clinic.id) ?? null,
  }));
}
