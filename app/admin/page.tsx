import type { Metadata } from "next";
import { ClinicTable } from "@/components/admin/clinic-table";
import { ButtonLink } from "@/components/ui/button";
import { runDeleteClinic } from "@/lib/actions/admin/delete-clinic";
import { runOpenClinic } from "@/lib/actions/admin/open-clinic";
import { runResumeClinic } from "@/lib/actions/admin/resume-clinic";
import { runSuspendClinic } from "@/lib/actions/admin/suspend-clinic";
import { findAdminClinics } from "@/lib/admin/find-admin-clinics";
import { requireClinicAdminPage } from "@/lib/admin/page-session";
import { getRootDomain } from "@/lib/config/root-domain";
import { getCentralDb } from "@/lib/db/central";
import { subdomainReservationDays } from "@/lib/tenancy/clinic-claim";

export const metadata: Metadata = { title: "My clinics" };

export default async function MyClinicsPage() {
  const session = await requireClinicAdminPage();
  const clinics = await findAdminClinics({ central: getCentralDb(), userId: session.user.id });
  return (
    <main id="main" className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-6 px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">My clinics</h1>
          <p className="text-sm text-slate-600">
            The clinics you own or co-admin. Each has its own database and its own address.
          </p>
        </div>
        {clinics.length > 0 ? <ButtonLink href="/admin/clinics/new">Create clinic</ButtonLink> : null}
      </div>
      <ClinicTable
        clinics={clinics}
        rootDomain={getRootDomain()}
        reservationDays={subdomainReservationDays()}
        actions={{
          open: runOpenClinic,
          suspend: runSuspendClinic,
          resume: runResumeClinic,
          remove: runDeleteClinic,
        }}
      />
    </main>
  );
}
