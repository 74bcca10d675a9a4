import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddOverrideForm } from "@/components/front-desk/doctors/add-override-form";
import {
  AvailabilityOverrides,
  type OverrideRow,
} from "@/components/front-desk/doctors/availability-overrides";
import { ColorSwatch } from "@/components/front-desk/doctors/color-swatch";
import { DoctorProfileForm } from "@/components/front-desk/doctors/doctor-profile-form";
import { DoctorProfileView, WeeklyScheduleView } from "@/components/front-desk/doctors/doctor-views";
import { WeeklyScheduleForm } from "@/components/front-desk/doctors/weekly-schedule-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findBookableTypes } from "@/lib/billing/price-list/find-price-list";
import { formatClockTime } from "@/lib/clinic/clock-input";
import { type DoctorDetail, findDoctor } from "@/lib/clinic/doctors";
import { findLocationChoices } from "@/lib/clinic/locations";
import { localDateOf } from "@/lib/clinic/time";
import { timeOf } from "@/lib/clinic/time-of-day";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../../require-workspace";

export const metadata: Metadata = { title: "Doctor" };

export default async function DoctorPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const workspace = await requireWorkspace(params, "clinic.view");
  if (!workspace) return null;
  const { clinic, role, settings } = workspace;
  const canManage = clinicRoleCan(role, "staff.manage");
  const { id } = await params;
  const today = localDateOf(new Date(), settings.timezone);
  const data = await withTenantDb(clinic.subdomain, async (db) => {
    const doctor = await findDoctor({ db, doctorId: id, today });
    if (!doctor) return null;
    return { doctor, locations: await findLocationChoices({ db }), types: await findBookableTypes({ db }) };
  });
  if (!data) notFound();
  const { doctor, locations } = data;
  const openLocations = locations.filter((location) => location.active);
  const hours = doctor.workingHours.map((interval) => ({
    locationId: interval.locationId,
    weekday: interval.weekday,
    start: timeOf(interval.startMinute),
    end: timeOf(interval.endMinute),
  }));

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {doctor.profile ? <ColorSwatch color={doctor.profile.calendarColor} /> : null}
            {doctor.name}
            {doctor.active ? null : <Badge>Deactivated</Badge>}
          </span>
        }
        description={doctor.profile?.specialty ?? "Doctor"}
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2">Profile</CardTitle>
          {doctor.profile ? null : (
            <CardDescription>
              {canManage
                ? "Set up the profile to make this doctor bookable; then add their working hours."
                : "No profile yet: a manager sets it up."}
            </CardDescription>
          )}
        </CardHeader>
        <CardContent>
          {canManage ? (
            <DoctorProfileForm doctorId={doctor.id} profile={doctor.profile} types={data.types} />
          ) : doctor.profile ? (
            <DoctorProfileView profile={doctor.profile} />
          ) : null}
        </CardContent>
      </Card>
      {doctor.profile ? (
        <>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Working hours</CardTitle>
              <CardDescription>
                The regular week, in the clinic&apos;s time ({settings.timezone}). A doctor is in one place at
                a time: hours on one day may not overlap, even at different locations.
              </CardDescription>
            </CardHeader>
            <CardContent>
              {canManage ? (
                <WeeklyScheduleForm doctorId={doctor.id} hours={hours} locations={locations} />
              ) : (
                <WeeklyScheduleView hours={hours} locations={locations} hour12={settings.hour12} />
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Time off and extra hours</CardTitle>
              <CardDescription>Dated exceptions to the regular week, from today on.</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-6">
              <AvailabilityOverrides
                overrides={overrideRows(doctor, settings.hour12)}
                canManage={canManage}
              />
              {canManage ? (
                <section aria-labelledby="add-override-heading" className="flex flex-col gap-3">
                  <h3 id="add-override-heading" className="font-semibold text-slate-900">
                    Add time off or extra hours
                  </h3>
                  <AddOverrideForm doctorId={doctor.id} locations={openLocations} today={today} />
                </section>
              ) : null}
            </CardContent>
          </Card>
        </>
      ) : null}
    </>
  );
}

const dateLabel = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
});

function overrideRows(doctor: DoctorDetail, hour12: boolean): OverrideRow[] {
  return doctor.overrides.map((override) => {
    const hours =
      override.startMinute === null || override.endMinute === null
        ? "whole day"
        : `${formatClockTime(timeOf(override.startMinute), hour12)}–${formatClockTime(timeOf(override.endMinute), hour12)}`;
    return {
      id: override.id,
      dateLabel: dateLabel.format(override.date),
      kind: override.kind,
      when: override.location ? `${hours} at ${override.location.name}` : hours,
      reason: override.reason,
    };
  });
}
