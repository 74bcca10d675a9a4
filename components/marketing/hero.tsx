import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

/** What a clinic gets when it opens, for a clinic called "your-clinic" (an illustration, not a real one). */
const layout = (rootDomain: string) => [
  { label: "Web address", value: `your-clinic.${rootDomain}` },
  { label: "Database", value: "clinic_your_clinic_db" },
  { label: "Database role", value: "its own; no other clinic's data" },
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
            Patients, appointments and doctors&apos; schedules for clinics of any size. Every clinic gets an
            isolated PostgreSQL database and its own web address, so one clinic&apos;s patients are never a
            query away from another&apos;s.
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
            <p className="font-semibold text-slate-900">What a new clinic gets</p>
            <CardDescription>Created automatically when its admin opens it.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="divide-y divide-slate-100">
              {layout(rootDomain).map((item) => (
                <div key={item.label} className="flex flex-col gap-0.5 py-3">
                  <dt className="text-xs text-slate-500">{item.label}</dt>
                  <dd className="truncate font-mono text-sm text-slate-900">{item.value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>
    </section>
  );
}
