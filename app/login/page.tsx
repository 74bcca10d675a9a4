import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function PlatformSignInPage() {
  return (
    <AuthCard
      title="Sign in"
      subtitle="For super admins and clinic admins. Clinic staff sign in at their clinic's own address."
    >
      <SignInForm />
    </AuthCard>
  );
}
