import type { Metadata } from "next";
import { AccessDenied } from "@/components/clinic/access-denied";
import { CalendarBoard } from "@/components/front-desk/appointments/calendar-board";
import { CalendarToolbar } from "@/components/front-desk/appointments/calendar-toolbar";
import { FrontDeskMain } from "@/components/front-desk/appointments/front-desk-main";
import { firstValues, type SearchParams } from "@/components/front-desk/appointments/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageSession } from "@/lib/auth/current";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findCalendarView } from "@/lib/clinic/calendar";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { requireActiveClinic, type TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { calendarQuerySchema } from "@/lib/validations/appointments";
import { STAFF_ROLE_LABELS } from "@/lib/validations/staff";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage({ params, searchParams }: TenantParams & SearchParams) {
  const clinic = await requireActiveClinic(params);
  if (!clinic) return null;
  const session = await requirePageSession();
  const role = session.user.role as StaffRole;
  if (!clinicRoleCan(role, "appointments.view"))
    return <AccessDenied area="the calendar" roleLabel={STAFF_ROLE_LABELS[role]} />;
  const canManage = clinicRoleCan(role, "appointments.manage");
  const query = calendarQuerySchema.parse(firstValues(await searchParams));
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
        doctors={data.doctors}
        locations={data.locations}
        canManage={canManage}
      />
    </FrontDeskMain>
  );
}
