import type { Metadata } from "next";
import { RegisterPatientForm } from "@/components/front-desk/patients/register-patient-form";
import { PageHeader } from "@/components/ui/page-header";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Register patient" };

export default async function RegisterPatientPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "patients.manage");
  if (!workspace) return null;
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
