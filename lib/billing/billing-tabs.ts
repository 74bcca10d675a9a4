import { type ClinicPermission, clinicRoleCan } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/generated/tenant/enums";

type BillingTab = { label: string; href: string; permission: ClinicPermission[] };

/** The billing area's sections, each shown only to the roles that may open it. */
const BILLING_TABS: BillingTab[] = [
  { label: "Invoices", href: "/billing", permission: ["billing.view"] },
  { label: "Outstanding", href: "/billing/outstanding", permission: ["billing.reports"] },
  { label: "Close the day", href: "/billing/day", permission: ["day.close", "billing.reports"] },
  { label: "Price list", href: "/billing/price-list", permission: ["priceList.manage", "billing.view"] },
];

export function billingTabsFor(role: StaffRole) {
  return BILLING_TABS.filter((tab) =>
    tab.permission.some((permission) => clinicRoleCan(role, permission)),
  ).map(({ label, href }) => ({ label, href }));
}
