import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ClinicOverview } from "@/lib/clinic/overview";

export function ClinicHome({ overview, signedIn }: { overview: ClinicOverview; signedIn: boolean }) {
  return (
    <main id="main" className="mx-auto flex w-full max-w-4xl flex-1 flex-col gap-8 px-4 py-10">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{overview.name}</h1>
          <p className="text-sm text-slate-600">Times are shown in {overview.timezone}.</p>
        </div>
        <ButtonLink href={signedIn ? "/dashboard" : "/login"} variant={signedIn ? "primary" : "secondary"}>
          {signedIn ? "Go to your workspace" : "Staff sign in"}
        </ButtonLink>
      </header>
      <section aria-labelledby="locations-heading" className="flex flex-col gap-4">
        <h2 id="locations-heading" className="text-xl font-semibold text-slate-900">
          Locations
        </h2>
        {overview.locations.length === 0 ? (
          <p className="text-slate-700">No active locations. A manager can add one in the clinic settings.</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {overview.locations.map((location) => (
              <li key={location.id}>
                <Card>
                  <CardHeader>
                    <CardTitle as="h3" className="flex items-center gap-2">
                      {location.name}
                      {location.isMain ? <Badge>Main</Badge> : null}
                    </CardTitle>
                  </CardHeader>
                  <CardContent className="text-sm text-slate-700">
                    <p>{location.address ?? "No address yet"}</p>
                    {location.phone ? <p>{location.phone}</p> : null}
                  </CardContent>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
