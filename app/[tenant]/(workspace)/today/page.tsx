import type { Metadata } from "next";
import { calendarHref } from "@/components/front-desk/appointments/calendar-href";
import { formatDayHeading } from "@/components/front-desk/appointments/calendar-layout";
import { FrontDeskMain } from "@/components/front-desk/appointments/front-desk-main";
import { TodayBoard } from "@/components/front-desk/appointments/today-board";
import { UrlFilters } from "@/components/front-desk/appointments/url-filters";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan, ownVisitsOf } from "@/lib/auth/permissions";
import { findFrontDeskBilling } from "@/lib/billing/payments/front-desk-billing";
import { findCalendarResources, resolveCalendarFilters } from "@/lib/clinic/calendar";
import { findTodayAppointments } from "@/lib/clinic/day-summary";
import { findClinicTimeZone } from "@/lib/clinic/settings";
import { localDateOf } from "@/lib/clinic/time";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { calendarQuerySchema } from "@/lib/validations/appointments";
import { parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage({ params, searchParams }: TenantParams & SearchParamsProps) {
  const workspace = await requireWorkspace(params, "appointments.view");
  if (!workspace) return null;
  const { clinic, session, role } = workspace;
  // Always today's day view, whatever the URL says; only the filters come from it.
  const query = {
    ...parseSearchParams(calendarQuerySchema, await searchParams),
    view: "day",
    date: undefined,
  } as const;
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
    const billing = clinicRoleCan(role, "billing.owes")
      ? await findFrontDeskBilling(db, {
          appointmentIds: clinicRoleCan(role, "payments.take") ? today.appointments.map((a) => a.id) : [],
          patientIds: today.appointments.map((a) => a.patient.id),
        })
      : null;
    return { timeZone, filters, ...resources, ...today, billing };
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
        billing={
          data.billing &&
          (clinicRoleCan(role, "payments.take")
            ? { ...data.billing, canTakePayments: true }
            : // Whether a patient owes, and how much: nothing else leaves the server for other roles.
              { ...data.billing, invoices: {}, creditMinor: {}, canTakePayments: false })
        }
      />
    </FrontDeskMain>
  );
}
