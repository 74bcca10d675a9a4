import type { Metadata } from "next";
import { AccessDenied } from "@/components/clinic/access-denied";
import { RegisterPatientForm } from "@/components/front-desk/patients/register-patient-form";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Register patient" };

export default async function RegisterPatientPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params);
  if (!workspace) return null;
  const { role } = workspace;
  if (!clinicRoleCan(role, "patients.manage"))
    return <AccessDenied area="patient registration" roleLabel={STAFF_ROLE_LABELS[role]} />;
  return (
    <>
      <PageHeader
        title="Register patient"
        description="The patient gets the next record number. Only the name and date of birth are required."
      />
      <RegisterPatientForm />
    </>
  );
}
