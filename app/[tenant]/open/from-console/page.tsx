import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ButtonLink } from "@/components/ui/button";
import { getRootDomain, platformOrigin } from "@/lib/config/root-domain";
import { requireRequestClinic, type TenantParams } from "@/lib/tenancy/request-clinic";

export const metadata: Metadata = { title: "Open the clinic from your console" };

/**
 * Where /open sends a visit that did not come from the admin console's form: a GET (an old
 * bookmark, a link someone shared) or a post from another site. Nobody was signed in.
 */
export default async function OpenFromConsolePage({
  params,
  searchParams,
}: TenantParams & { searchParams: Promise<{ refused?: string | string[] }> }) {
  const clinic = await requireRequestClinic(params);
  const { refused } = await searchParams;
  return (
    <AuthCard title="Open the clinic from your console" subtitle={clinic.name}>
      {refused === "origin" ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This sign-in did not come from the admin console, so nobody was signed in.
        </p>
      ) : null}
      <p className="text-sm text-slate-700">
        Clinic admins enter {clinic.name} with <strong>Open clinic</strong> in the admin console. A link to
        this page does not sign anyone in.
      </p>
      <div className="flex flex-col gap-3">
        <ButtonLink href={`${platformOrigin(getRootDomain())}/admin`}>Go to the admin console</ButtonLink>
        <p className="text-sm text-slate-600">
          Clinic staff:{" "}
          <Link href="/login" className="font-medium text-slate-900 underline">
            sign in with your email and password
          </Link>
          .
        </p>
      </div>
    </AuthCard>
  );
}
