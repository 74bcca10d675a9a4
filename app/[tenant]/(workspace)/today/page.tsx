import type { Metadata } from "next";
import { calendarHref } from "@/components/front-desk/appointments/calendar-href";
import { formatDayHeading } from "@/components/front-desk/appointments/calendar-layout";
import { FrontDeskMain } from "@/components/front-desk/appointments/front-desk-main";
import { firstValues, type SearchParams } from "@/components/front-desk/appointments/search-params";
import { TodayBoard } from "@/components/front-desk/appointments/today-board";
import { UrlFilters } from "@/components/front-desk/appointments/url-filters";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan, ownVisitsOf } from "@/lib/auth/permissions";
import { findCalendarResources, resolveCalendarFilters } from "@/lib/clinic/calendar";
import { findTodayAppointments } from "@/lib/clinic/day-summary";
import { findClinicTimeZone } from "@/lib/clinic/settings";
import { localDateOf } from "@/lib/clinic/time";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { calendarQuerySchema } from "@/lib/validations/appointments";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage({ params, searchParams }: TenantParams & SearchParams) {
  const workspace = await requireWorkspace(params, "appointments.view");
  if (!workspace) return null;
  const { clinic, session, role } = workspace;
  const query = calendarQuerySchema.parse({
    ...firstValues(await searchParams),
    view: "day",
    date: undefined,
  });
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const [timeZone, resources] = await Promise.all([findClinicTimeZone(db), findCalendarResources(db)]);
    const now = new Date();
    const filters = resolveCalendarFilters({
      query,
      viewer: session.user,
      ...resources,
      today: localDateOf(now, timeZone),
    });
    const today = await findTodayAppointments({
      db,
      timeZone,
      now,
      locationId: filters.locationId,
      doctorId: filters.doctorId,
    });
    return { timeZone, filters, ...resources, ...today };
  });
  const { filters } = data;
  return (
    <FrontDeskMain>
      <PageHeader
        title="Today"
        description={`${formatDayHeading(data.date)}; times are the clinic's (${data.timeZone}).`}
        actions={
          <ButtonLink variant="secondary" href={calendarHref(filters, { view: "day", date: data.date })}>
            Open in the calendar
          </ButtonLink>
        }
      />
      <UrlFilters
        path="/today"
        locationId={filters.locationId}
        doctorId={filters.doctorId}
        locations={data.locations}
        doctors={data.doctors}
      />
      <TodayBoard
        appointments={data.appointments}
        timeZone={data.timeZone}
        canManage={clinicRoleCan(role, "appointments.manage")}
        ownDoctorId={ownVisitsOf(role, session.user.id)}
        showLocation={filters.locationId === null}
      />
    </FrontDeskMain>
  );
}
