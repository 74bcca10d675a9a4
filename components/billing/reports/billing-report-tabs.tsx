import { billingTabsFor } from "@/lib/billing/billing-tabs";
import type { StaffRole } from "@/lib/generated/tenant/enums";
import { LinkTabs } from "../../ui/link-tabs";

/** The billing area's tabs, the open one marked. */
export function BillingReportTabs({ role, current }: { role: StaffRole; current: string }) {
  const tabs = billingTabsFor(role).map((tab) => ({ key: tab.href, ...tab }));
  return (
    <LinkTabs tabs={tabs} current={current} label="Billing" className="mb-4 border-b border-slate-200" />
  );
}
