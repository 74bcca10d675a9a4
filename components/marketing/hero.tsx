import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

const exampleClinics = [
  { subdomain: "northside", database: "clinic_northside_db", status: "Active" },
  { subdomain: "lakeview-dental", database: "clinic_lakeview_dental_db", status: "Active" },
  { subdomain: "riverbend", database: "clinic_riverbend_db", status: "Being set up" },
];

export function Hero({ rootDomain }: { rootDomain: string }) {
  return (
    <section aria-labelledby="hero-heading" className="bg-gradient-to-b from-brand-50 to-white">
      <div className="mx-auto grid max-w-6xl gap-10 px-4 py-16 sm:px-6 lg:grid-cols-2 lg:items-center lg:py-24">
        <div className="flex flex-col gap-6">
          <Badge tone="brand" className="self-start">
            Multi-clinic management
          </Badge>
          <h1 id="hero-heading" className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            Run every clinic from one platform, each on its own database
          </h1>
          <p className="text-lg text-slate-700">
            Appointments, patient records, prescriptions and payments for clinics of any size. Every clinic
            gets an isolated PostgreSQL database and its own web address, so one clinic&apos;s patients are
            never a query away from another&apos;s.
          </p>
          <div className="flex flex-wrap gap-3">
            <ButtonLink href="/login" size="lg">
              Sign in
            </ButtonLink>
            <ButtonLink href="#sign-in" variant="secondary" size="lg">
              Clinic staff: find your clinic
            </ButtonLink>
          </div>
        </div>
        {/* An illustration: the same facts are stated in the text, so screen readers skip it. */}
        <Card aria-hidden="true" className="min-w-0">
          <CardHeader>
            <p className="font-semibold text-slate-900">One platform, many databases</p>
            <CardDescription>Each clinic: its own address, database and database role.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y divide-slate-100">
              {exampleClinics.map((clinic) => (
                <li key={clinic.subdomain} className="flex items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900">
                      {clinic.subdomain}.{rootDomain}
                    </p>
                    <p className="truncate font-mono text-xs text-slate-500">{clinic.database}</p>
                  </div>
                  <Badge tone={clinic.status === "Active" ? "success" : "warning"}>{clinic.status}</Badge>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
    </section>
  );
}
