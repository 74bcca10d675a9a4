import type { Metadata } from "next";
import { DoctorTable } from "@/components/front-desk/doctors/doctor-table";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findDoctors } from "@/lib/clinic/doctors";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Doctors" };

export default async function DoctorsPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "clinic.view");
  if (!workspace) return null;
  const { clinic, role } = workspace;
  const canManage = clinicRoleCan(role, "staff.manage");
  const doctors = await withTenantDb(clinic.subdomain, (db) => findDoctors({ db }));
  return (
    <>
      <PageHeader
        title="Doctors"
        description={
          canManage
            ? "Everyone with the doctor role. Open a doctor to set their profile, working hours, time off and extra hours."
            : "Everyone with the doctor role, their specialty and where they work."
        }
      />
      <DoctorTable doctors={doctors} canManage={canManage} />
    </>
  );
}
