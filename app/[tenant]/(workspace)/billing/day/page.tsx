import type { Metadata } from "next";
import { CloseDayForm } from "@/components/billing/reports/close-day-form";
import { DayFiguresView } from "@/components/billing/reports/day-figures-view";
import { DayPicker } from "@/components/billing/reports/day-picker";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { formatMoney } from "@/lib/billing/money-input";
import { clinicToday } from "@/lib/billing/reports/business-day";
import { findDayClose } from "@/lib/billing/reports/day-close-record";
import { findDayFigures } from "@/lib/billing/reports/day-figures";
import { formatClinicTime } from "@/lib/clinic/time";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { dayQuerySchema } from "@/lib/validations/billing-reports";
import { parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Close the day" };

export default async function CloseDayPage({ params, searchParams }: TenantParams & SearchParamsProps) {
  const workspace = await requireWorkspace(params, "billing.reports");
  if (!workspace) return null;
  const { settings, role } = workspace;
  const query = parseSearchParams(dayQuerySchema, await searchParams);
  const timeZone = settings.timezone;
  const today = clinicToday(timeZone);
  const date = query.date && query.date <= today ? query.date : today;
  const view = await withTenantDb(workspace.clinic.subdomain, async (db) => {
    const locations = await db.location.findMany({
      where: { active: true },
      orderBy: [{ isMain: "desc" }, { name: "asc" }],
      select: { id: true, name: true },
    });
    const location = locations.find((row) => row.id === query.location) ?? locations[0];
    if (!location) return { locations, location: null, figures: null, closed: null };
    const [figures, closed] = await Promise.all([
      findDayFigures({ db, locationId: location.id, businessDate: date, timeZone }),
      findDayClose({ db, locationId: location.id, businessDate: date }),
    ]);
    return { locations, location, figures, closed };
  });
  const money = (minor: number) => formatMoney(minor, settings.currency);
  const { location, figures, closed } = view;
  return (
    <>
      <PageHeader
        title="Close the day"
        description={`Takings by payment method less refunds give the cash expected in the drawer; credit a patient already held is listed apart, as it is not takings. Days run midnight to midnight, ${timeZone}.`}
        actions={
          location ? (
            <a
              className={buttonClasses({ variant: "secondary" })}
              href={`/billing/day/export?location=${location.id}&date=${date}`}
              download
            >
              Download CSV
            </a>
          ) : null
        }
      />
      {!location || !figures ? (
        <EmptyState>There is no active location. Add one under Locations first.</EmptyState>
      ) : (
        <div className="flex flex-col gap-6">
          <DayPicker locations={view.locations} locationId={location.id} date={date} today={today} />
          <Card>
            <CardHeader>
              <CardTitle as="h2">{closed ? "This day is closed" : "Count the cash"}</CardTitle>
            </CardHeader>
            <CardContent>
              {closed ? (
                <dl className="grid gap-2 text-sm sm:grid-cols-4">
                  <div>
                    <dt className="text-slate-600">Closed by</dt>
                    <dd>
                      {closed.closedBy} at{" "}
                      {formatClinicTime(closed.closedAt, timeZone, { hour12: settings.hour12 })}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Expected cash</dt>
                    <dd className="tabular-nums">{money(closed.expectedCashMinor)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Counted cash</dt>
                    <dd className="tabular-nums">{money(closed.countedCashMinor)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Difference</dt>
                    <dd
                      className={
                        closed.differenceMinor === 0
                          ? "tabular-nums"
                          : "font-semibold text-red-700 tabular-nums"
                      }
                    >
                      {closed.differenceMinor === 0
                        ? "None"
                        : `${money(Math.abs(closed.differenceMinor))} ${closed.differenceMinor < 0 ? "short" : "over"}`}
                    </dd>
                  </div>
                  {closed.note ? <p className="sm:col-span-4">Note: {closed.note}</p> : null}
                </dl>
              ) : clinicRoleCan(role, "day.close") ? (
                <CloseDayForm
                  key={`${location.id}-${date}`}
                  locationId={location.id}
                  businessDate={date}
                  expectedCashMinor={figures.expectedCashMinor}
                  currency={settings.currency}
                />
              ) : (
                <p className="text-sm text-slate-700">
                  Expected cash {money(figures.expectedCashMinor)}. The billing staff close the day once they
                  have counted the drawer.
                </p>
              )}
            </CardContent>
          </Card>
          <DayFiguresView figures={figures} currency={settings.currency} />
        </div>
      )}
    </>
  );
}
