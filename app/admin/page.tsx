import type { Metadata } from "next";
import { ClinicTable } from "@/components/admin/clinic-table";
import { ClinicsNeedingAttention } from "@/components/admin/clinics-needing-attention";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { findAdminClinics } from "@/lib/admin/find-admin-clinics";
import { requirePlatformPage } from "@/lib/auth/platform-page";
import { clinicAdminsMayBackup } from "@/lib/backups/console-access";
import { getRootDomain } from "@/lib/config/root-domain";
import { getCentralDb } from "@/lib/db/central";
import { subdomainReservationDays } from "@/lib/tenancy/clinic-claim";

export const metadata: Metadata = { title: "My clinics" };

export default async function MyClinicsPage() {
  const session = await requirePlatformPage("clinics.manageOwn");
  const central = getCentralDb();
  const [clinics, backupsAllowed] = await Promise.all([
    findAdminClinics({ central, userId: session.user.id }),
    clinicAdminsMayBackup(central),
  ]);
  return (
    <main id="main" className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-8 sm:px-6">
      <PageHeader
        title="My clinics"
        description="The clinics you own or co-admin. Each has its own database and its own address."
        actions={clinics.length > 0 ? <ButtonLink href="/admin/clinics/new">Create clinic</ButtonLink> : null}
      />
      <ClinicsNeedingAttention
        clinics={clinics}
        rootDomain={getRootDomain()}
        reservationDays={subdomainReservationDays()}
      />
      <ClinicTable
        clinics={clinics}
        rootDomain={getRootDomain()}
        reservationDays={subdomainReservationDays()}
        backupsAllowed={backupsAllowed}
      />
    </main>
  );
}
