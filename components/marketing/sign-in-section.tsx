import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { rootProtocol } from "@/lib/config/root-domain";
import { ClinicAddressForm } from "./clinic-address-form";

export function SignInSection({ rootDomain }: { rootDomain: string }) {
  const addressPattern = `${rootProtocol(rootDomain)}://<clinic>.${rootDomain}`;

  return (
    <section id="sign-in" aria-labelledby="sign-in-heading" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
      <h2 id="sign-in-heading" className="text-3xl font-bold tracking-tight text-slate-900">
        Signing in
      </h2>
      <p className="mt-3 max-w-2xl text-slate-700">
        Where you sign in depends on who you are: administrators sign in here, clinic staff at their
        clinic&apos;s own address.
      </p>
      <div className="mt-10 grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h3">Platform and clinic administrators</CardTitle>
            <CardDescription>
              Super admins and clinic owners sign in on this site to reach their dashboard or console.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ButtonLink href="/login">Sign in</ButtonLink>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h3">Clinic staff</CardTitle>
            <CardDescription>
              Each clinic has its own address,{" "}
              <code className="font-mono break-all text-slate-900">{addressPattern}</code>. Sign in there with
              the account your clinic gave you; staff accounts belong to one clinic.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ClinicAddressForm rootDomain={rootDomain} />
          </CardContent>
        </Card>
      </div>
    </section>
  );
}
