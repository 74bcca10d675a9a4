import type { Metadata } from "next";
import { z } from "zod";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { requireRequestClinic, type TenantParams } from "@/lib/tenancy/request-clinic";
import { parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";

export const metadata: Metadata = { title: "Sign in" };

// Set by /open when a ticket posted by the admin console's "Open clinic" does not sign anyone in.
const OPEN_LINK_ERRORS = {
  ticket:
    "This sign-in from the admin console has expired or was already used. Open the clinic again from the admin console, or sign in with your email and password.",
  unavailable: "Signing in from the admin console failed just now. Please open the clinic again in a moment.",
};
const LOGIN_QUERY = z.object({ error: z.enum(["ticket", "unavailable"]).optional().catch(undefined) });

export default async function ClinicSignInPage({ params, searchParams }: TenantParams & SearchParamsProps) {
  const clinic = await requireRequestClinic(params);
  // An own key only: `?error=__proto__` must not pick Object's prototype as the notice.
  const { error } = parseSearchParams(LOGIN_QUERY, await searchParams);
  const notice = error ? OPEN_LINK_ERRORS[error] : undefined;
  return (
    <AuthCard title={clinic.name} subtitle="Staff sign-in">
      {notice ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      <SignInForm />
    </AuthCard>
  );
}
