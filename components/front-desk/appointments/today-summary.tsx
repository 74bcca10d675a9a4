import Link from "next/link";
import { clinicTimeFormat } from "@/components/clinic/clinic-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { APPOINTMENT_STATUSES } from "@/lib/clinic/calendar";
import { summarizeToday } from "@/lib/clinic/day-summary";
import { findClinicClock } from "@/lib/clinic/settings";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { AppointmentStatusBadge, STATUS_LABEL } from "./appointment-status";

/**
 * The dashboard's view of today: appointments by status, who comes next (a doctor's own patients
 * for a doctor) and each doctor's load. Renders nothing for a role that cannot see appointments.
 */
export async function TodaySummary({
  subdomain,
  role,
  viewerId,
}: {
  subdomain: string;
  role: StaffRole;
  viewerId: string;
}) {
  if (!clinicRoleCan(role, "appointments.view")) return null;
  const { format, summary } = await withTenantDb(subdomain, async (db) => {
    const { timeZone, hour12 } = await findClinicClock(db);
    const nextForDoctorId = role === "DOCTOR" ? viewerId : null;
    return {
      format: clinicTimeFormat(timeZone, { hour12 }),
      summary: await summarizeToday({ db, timeZone, nextForDoctorId }),
    };
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Today&apos;s appointments</CardTitle>
        <CardDescription>
          {summary.total === 0
            ? "Nothing is booked for today."
            : `${summary.total} in all; times are the clinic's (${format.timeZone}).`}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5 text-sm">
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {APPOINTMENT_STATUSES.map((status) => (
            <div key={status} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="text-slate-600">{STATUS_LABEL[status]}</dt>
              <dd className="text-xl font-semibold tabular-nums text-slate-900">
                {summary.byStatus[status]}
              </dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="today-summary-next" className="flex flex-col gap-2">
          <h3 id="today-summary-next" className="font-semibold text-slate-900">
            {role === "DOCTOR" ? "Your next patients" : "Next"}
          </h3>
          {summary.next.length === 0 ? (
            <p className="text-slate-600">No one else is expected today.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {summary.next.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
                  <span className="tabular-nums font-medium">{format.time(a.startsAt)}</span>
                  <span className="text-slate-900">{a.patient.name}</span>
                  <span className="text-slate-600">{a.doctor.name}</span>
                  <AppointmentStatusBadge status={a.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
        {summary.perDoctor.length > 0 ? (
          <section aria-labelledby="today-summary-doctors" className="flex flex-col gap-2">
            <h3 id="today-summary-doctors" className="font-semibold text-slate-900">
              Per doctor
            </h3>
            <table className="w-full text-left">
              <caption className="sr-only">Today's appointments per doctor</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 font-medium">
                    Doctor
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Appointments
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    To see
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Done
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 tabular-nums">
                {summary.perDoctor.map((doctor) => (
                  <tr key={doctor.id}>
                    <td className="py-1.5">
                      <span className="inline-flex items-center gap-2">
                        <span
                          aria-hidden="true"
                          className="size-2.5 rounded-full"
                          style={{ backgroundColor: doctor.color }}
                        />
                        {doctor.name}
                      </span>
                    </td>
                    <td className="py-1.5 text-right">{doctor.scheduled}</td>
                    <td className="py-1.5 text-right">{doctor.open}</td>
                    <td className="py-1.5 text-right">{doctor.completed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        <p className="flex gap-4">
          <Link href="/today" className="font-medium text-brand-700 underline-offset-4 hover:underline">
            Open today&apos;s list
          </Link>
          <Link href="/calendar" className="font-medium text-brand-700 underline-offset-4 hover:underline">
            Open the calendar
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
