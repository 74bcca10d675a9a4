import type { Metadata } from "next";
import { type ClinicAdminRow, ClinicAdminsPanel } from "@/components/super/clinic-admins-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { getCentralDb } from "@/lib/db/central";
import { findClinicAdmins } from "@/lib/super/clinic-admins";

export const metadata: Metadata = { title: "Clinic admins" };

export default async function ClinicAdminsPage() {
  await requirePlatformPage("clinicAdmins.manage");
  const admins: ClinicAdminRow[] = (await findClinicAdmins({ central: getCentralDb() })).map((admin) => ({
    id: admin.id,
    name: admin.name,
    email: admin.email,
    status: admin.status,
    clinicsOwned: admin.clinicsOwned,
    lastLoginAt: admin.lastLoginAt?.toISOString() ?? null,
    locked: admin.locked,
    mustChangePassword: admin.mustChangePassword,
  }));
  return (
    <>
      <PageHeader
        title="Clinic admins"
        description="The people who own and run clinics. A new admin gets a temporary password, shown once, and must choose their own at first sign-in. Disabling signs them out everywhere at once."
      />
      <ClinicAdminsPanel admins={admins} />
    </>
  );
}
