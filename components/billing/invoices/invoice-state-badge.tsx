import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { InvoiceState } from "@/lib/billing/balances";

export const INVOICE_STATE_LABEL: Record<InvoiceState, string> = {
  DRAFT: "Draft",
  UNPAID: "Unpaid",
  PARTLY_PAID: "Partly paid",
  PAID: "Paid",
  VOID: "Void",
  CREDIT_NOTE: "Credit note",
};

const TONE: Record<InvoiceState, BadgeTone> = {
  DRAFT: "neutral",
  UNPAID: "danger",
  PARTLY_PAID: "warning",
  PAID: "success",
  VOID: "neutral",
  CREDIT_NOTE: "brand",
};

export function InvoiceStateBadge({ state }: { state: InvoiceState }) {
  return <Badge tone={TONE[state]}>{INVOICE_STATE_LABEL[state]}</Badge>;
}
