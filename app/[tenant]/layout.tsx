import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ClinicStatusPage } from "@/components/clinic/clinic-status-page";
import { requireRequestClinic, type TenantParams } from "@/lib/tenancy/request-clinic";
import { describeSuspension } from "@/lib/tenancy/suspension";

export async function generateMetadata({ params }: TenantParams): Promise<Metadata> {
  const clinic = await requireRequestClinic(params);
  return { title: { default: clinic.name, template: `%s · ${clinic.name}` } };
}

export default async function TenantLayout({ children, params }: TenantParams & { children: ReactNode }) {
  const clinic = await requireRequestClinic(params);
  if (clinic.status === "SUSPENDED") {
    return (
      <ClinicStatusPage title={`${clinic.name} is suspended`}>
        {describeSuspension(clinic.statusReason)}
      </ClinicStatusPage>
    );
  }
  if (clinic.status !== "ACTIVE") {
    return (
      <ClinicStatusPage title={`${clinic.name} is being set up`} refreshSeconds={5}>
        Its database is being prepared. This page reloads by itself; it usually takes a few seconds.
      </ClinicStatusPage>
    );
  }
  return children;
}
