import { clinicTimeFormat } from "@/components/clinic/clinic-time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { formatClinicDate } from "@/lib/clinic/clock-input";
import type { SavedClinicSettings } from "@/lib/clinic/settings";
import { findLetterContext } from "@/lib/clinical/letters/letter-context";
import { findVisitLetters, type VisitLetter } from "@/lib/clinical/letters/visit-letters";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { WriteLetterButtons } from "./write-letter-buttons";

/**
 * For the visit page (which records its own chart read): the sick notes and referral letters
 * written in this visit, each with its Print link, and for doctors the forms to write one.
 */
export async function VisitLettersPanel({
  subdomain,
  patientId,
  visitId,
  role,
  authorId,
  settings,
}: {
  subdomain: string;
  patientId: string;
  visitId: string;
  role: StaffRole;
  /** The signed-in staff member: a letter they write is signed with their name. */
  authorId: string;
  settings: Pick<SavedClinicSettings, "timezone" | "hour12" | "dateOrder">;
}) {
  if (!clinicRoleCan(role, "chart.view")) return null;
  const canWrite = clinicRoleCan(role, "letters.write");
  const { letters, context } = await withTenantDb(subdomain, async (db) => {
    const [letters, context] = await Promise.all([
      findVisitLetters({ db, patientId, visitId }),
      canWrite ? findLetterContext({ db, visitId, authorId }) : null,
    ]);
    return { letters, context };
  });
  const format = clinicTimeFormat(settings.timezone, settings);
  const date = (iso: string) => formatClinicDate(iso, settings.dateOrder);
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle as="h2">Letters</CardTitle>
        {context ? (
          <WriteLetterButtons
            patientId={patientId}
            visitId={visitId}
            parties={context.parties}
            history={context.history}
            today={context.today}
          />
        ) : null}
      </CardHeader>
      <CardContent>
        {letters.length === 0 ? (
          <p className="text-sm text-slate-600">
            {canWrite
              ? "No sick note or referral letter from this visit yet. Write one above."
              : "No sick note or referral letter from this visit."}
          </p>
        ) : (
          <ul
            className="flex flex-col divide-y divide-slate-100 text-sm"
            aria-label="Letters from this visit"
          >
            {letters.map((letter) => (
              <li
                key={letter.id}
                className="flex items-start justify-between gap-3 py-2 first:pt-0 last:pb-0"
              >
                <div className="flex min-w-0 flex-col gap-0.5">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={letter.kind === "sick-note" ? "neutral" : "brand"}>
                      {letter.kind === "sick-note" ? "Sick note" : "Referral"}
                    </Badge>
                    <span className="font-medium text-slate-900 break-words">{summaryOf(letter, date)}</span>
                  </div>
                  <span className="text-slate-600">
                    {format.dateTime(letter.writtenAt)} · {letter.author}
                  </span>
                </div>
                <a
                  href={
                    letter.kind === "sick-note"
                      ? `/print/sick-notes/${letter.id}`
                      : `/print/referral-letters/${letter.id}`
                  }
                  target="_blank"
                  rel="noopener"
                  className="shrink-0 font-medium text-brand-700 underline"
                  aria-label={`Print the ${letter.kind === "sick-note" ? "sick note" : "referral letter"}: ${summaryOf(letter, date)}`}
                >
                  Print
                </a>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function summaryOf(letter: VisitLetter, date: (iso: string) => string): string {
  if (letter.kind === "referral") return `To ${letter.recipient}`;
  return letter.unfitFrom === letter.unfitTo
    ? `Unfit on ${date(letter.unfitFrom)}`
    : `Unfit ${date(letter.unfitFrom)} – ${date(letter.unfitTo)}`;
}
