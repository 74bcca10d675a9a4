import { type ClinicPermission, clinicRoleCan } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/generated/tenant/enums";

export type WorkspaceArea = { href: string; label: string; summary: string };

/** What an area offers a role: its summary says only what that role can do there. */
type Summary = string | ((can: (permission: ClinicPermission) => boolean) => string);

// The workspace's pages and the permission each needs: the navigation and the dashboard show a
// role only what it may open (the pages and actions check again for themselves).
// An area with several permissions opens to a role with any of them.
const AREAS: (Omit<WorkspaceArea, "summary"> & {
  permission: ClinicPermission | ClinicPermission[];
  summary: Summary;
})[] = [
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
    summary: (can) =>
      can("appointments.manage")
        ? "Today's appointments at a location, with one-click check-in."
        : can("appointments.ownVisits")
          ? "Your appointments today: start and complete your visits."
          : "Today's appointments at a location.",
  },
  {
    href: "/calendar",
    label: "Calendar",
    permission: "appointments.view",
    summary: (can) =>
      can("appointments.manage")
        ? "Day and week calendars by location and doctor; book from a free slot."
        : "Day and week calendars by location and doctor.",
  },
  {
    href: "/patients",
    label: "Patients",
    permission: "patients.view",
    summary: (can) =>
      can("patients.manage")
        ? "Find patients by name, record number, phone or birth date; register new ones."
        : "Find patients by name, record number, phone or birth date.",
  },
  {
    href: "/notes",
    label: "My unsigned notes",
    permission: "nursingNotes.write",
    summary: "Your draft notes, oldest first, to finish and sign.",
  },
  {
    href: "/templates",
    label: "Templates",
    permission: ["templates.manageOwn", "templates.manageClinic"],
    summary: (can) =>
      can("templates.manageClinic")
        ? "The clinic's note templates and quick texts, shared by its clinicians."
        : "Your note templates and quick texts, beside the clinic's.",
  },
  {
    href: "/billing",
    label: "Billing",
    permission: ["billing.view", "billing.reports", "priceList.manage"],
    summary: (can) =>
      can("invoices.manage")
        ? "Invoices, payments, credit and refunds, outstanding balances and closing the day."
        : can("payments.take")
          ? "Invoices and payments: take a payment at check-out and print the receipt."
          : "Invoices, payments, outstanding balances and the price list.",
  },
  {
    href: "/doctors",
    label: "Doctors",
    permission: "clinic.view",
    summary: (can) =>
      can("staff.manage")
        ? "Set doctors' profiles, working hours and days off."
        : "Doctors' working hours and days off.",
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
    summary:
      "Add people, change their roles, reset passwords, deactivate accounts that should no longer sign in.",
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
  const can = (permission: ClinicPermission) => clinicRoleCan(role, permission);
  const open = (permission: ClinicPermission | ClinicPermission[]) =>
    Array.isArray(permission) ? permission.some(can) : can(permission);
  return AREAS.filter((area) => open(area.permission)).map(({ permission, summary, ...area }) => ({
    ...area,
    summary: typeof summary === "string" ? summary : summary(can),
  }));
}
