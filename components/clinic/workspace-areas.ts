import { type ClinicPermission, clinicRoleCan } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/generated/tenant/enums";

export type WorkspaceArea = { href: string; label: string; summary: string };

// The workspace's pages and the permission each needs: the navigation and the dashboard show a
// role only what it may open (the pages and actions check again for themselves).
const AREAS: (WorkspaceArea & { permission: ClinicPermission })[] = [
  {
    href: "/dashboard",
    label: "Dashboard",
    permission: "clinic.view",
    summary: "Your start page in the clinic.",
  },
  {
    href: "/today",
    label: "Today",
    permission: "appointments.view",
    summary: "Today's appointments at a location, with one-click check-in.",
  },
  {
    href: "/calendar",
    label: "Calendar",
    permission: "appointments.view",
    summary: "Day and week calendars by location and doctor; book from a free slot.",
  },
  {
    href: "/patients",
    label: "Patients",
    permission: "patients.view",
    summary: "Find patients by name, record number, phone or birth date; register new ones.",
  },
  {
    href: "/doctors",
    label: "Doctors",
    permission: "clinic.view",
    summary: "Doctors' profiles, working hours and days off.",
  },
  {
    href: "/locations",
    label: "Locations",
    permission: "locations.manage",
    summary: "The clinic's branches, their addresses and opening hours.",
  },
  {
    href: "/staff",
    label: "Staff",
    permission: "staff.view",
    summary: "Add people, change their roles, deactivate accounts that should no longer sign in.",
  },
  {
    href: "/settings",
    label: "Settings",
    permission: "settings.manage",
    summary: "The clinic's name, time zone, currency and contact details.",
  },
  {
    href: "/audit",
    label: "Audit log",
    permission: "audit.view",
    summary: "Who did what in the clinic, when and from where.",
  },
];

export function workspaceAreasFor(role: StaffRole): WorkspaceArea[] {
  return AREAS.filter((area) => clinicRoleCan(role, area.permission)).map(({ permission, ...area }) => area);
}
