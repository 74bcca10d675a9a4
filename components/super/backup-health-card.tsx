import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { BackupHealth } from "@/lib/backups/health";

/** The overview's list of clinics (and the central database) whose backups need a look. */
export function BackupHealthCard({ health, maxAgeHours }: { health: BackupHealth[]; maxAgeHours: number }) {
  const flagged = health.filter((row) => row.flagged);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Backups</CardTitle>
        <CardDescription>
          A clinic is flagged when it has no verified backup (one a restore or a nightly drill proved good)
          taken in the last {maxAgeHours} hours, or when its last drill failed.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {flagged.length === 0 ? (
          <p className="text-sm text-slate-700">All {health.length} have a recent verified backup.</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {flagged.slice(0, 8).map((row) => (
              <li key={row.clinicId ?? "central"} className="flex flex-col">
                <span className="font-medium text-slate-900">
                  {row.subdomain ? <span className="font-mono">{row.subdomain}</span> : row.name}
                </span>
                <span className="text-amber-800">{row.reason}</span>
              </li>
            ))}
            {flagged.length > 8 ? <li className="text-slate-600">and {flagged.length - 8} more</li> : null}
          </ul>
        )}
        <div className="flex flex-wrap gap-2">
          <ButtonLink href="/super/backups" variant="secondary" size="sm">
            Backups
          </ButtonLink>
          <ButtonLink href="/super/backups/schedule" variant="secondary" size="sm">
            Schedule
          </ButtonLink>
        </div>
      </CardContent>
    </Card>
  );
}
