import type { Metadata } from "next";
import { clinicTimeFormat } from "@/components/clinic/clinic-time";
import { StaffManager } from "@/components/clinic/staff/staff-manager";
import { clinicRoleCan } from "@/lib/auth/permissions";
import { findStaffMembers } from "@/lib/clinic/staff";
import type { TenantParams } from "@/lib/tenancy/request-clinic";
import { withTenantDb } from "@/lib/tenancy/tenant-db";
import { requireWorkspace } from "../require-workspace";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage({ params }: TenantParams) {
  const workspace = await requireWorkspace(params, "staff.view");
  if (!workspace) return null;
  const { clinic, session, role, settings } = workspace;
  const format = clinicTimeFormat(settings.timezone, settings);
  const members = await withTenantDb(clinic.subdomain, (db) => findStaffMembers({ db }));
  const rows = members.map((member) => ({
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    active: member.status === "ACTIVE",
    mustChangePassword: member.mustChangePassword,
    ticketOnly: member.ticketOnly,
    lastSignIn: member.lastLoginAt ? format.dateTime(member.lastLoginAt) : null,
    lastSignInAt: member.lastLoginAt?.getTime() ?? null,
  }));
  return (
    <StaffManager
      rows={rows}
      timezone={settings.timezone}
      viewer={{ id: session.user.id, role, canManage: clinicRoleCan(role, "staff.manage") }}
    />
  );
}
