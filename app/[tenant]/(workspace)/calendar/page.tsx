import type { Metadata } from "next";
import { CalendarBoard } from "@/components/front-desk/appointments/calendar-board";
import { CalendarToolbar } from "@/components/front-desk/appointments/calendar-toolbar";
import { FrontDeskMain } from "@/components/front-desk/appointments/front-desk-main";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan, ownVisitsOf } from "@/lib/auth/permissions";
import { findCalendarView } from "@/lib/clinic/calendar";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { calendarQuerySchema } from "@/lib/validations/appointments";
import { parseSearchParams, type SearchParamsProps } from "@/lib/validations/search-params";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage({ params, searchParams }: TenantParams & SearchParamsProps) {
  const workspace = await requireWorkspace(params, "appointments.view");
  if (!workspace) return null;
  const { clinic, session, role } = workspace;
  const canManage = clinicRoleCan(role, "appointments.manage");
  const query = parseSearchParams(calendarQuerySchema, await searchParams);
  const data = await withTenantDb(clinic.subdomain, (db) =>
    findCalendarView({ db, query, viewer: session.user, withSlots: canManage }),
  );
  return (
    <FrontDeskMain>
      <PageHeader
        title="Calendar"
        description="Appointments by day or week, at a location and for a doctor, in the clinic's time."
      />
      <CalendarToolbar
        filters={data.filters}
        days={data.days}
        today={data.today}
        locations={data.locations}
        doctors={data.doctors}
      />
      <CalendarBoard
        timeZone={data.timeZone}
        filters={data.filters}
        days={data.days}
        today={data.today}
        appointments={data.appointments}
        slots={data.slots}
        shifts={data.shifts}
        week={data.week}
        doctors={data.doctors}
        locations={data.locations}
        types={data.types}
        canManage={canManage}
        ownDoctorId={ownVisitsOf(role, session.user.id)}
      />
    </FrontDeskMain>
  );
}
