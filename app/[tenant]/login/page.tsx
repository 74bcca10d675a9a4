import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { requireRequestClinic, type TenantParams } from "@/lib/tenancy/request-clinic";

export const metadata: Metadata = { title: "Sign in" };

export default async function ClinicSignInPage({ params }: TenantParams) {
  const clinic = await requireRequestClinic(params);
  return (
    <AuthCard title={clinic.name} subtitle="Staff sign-in">
      <SignInForm />
    </AuthCard>
  );
}
