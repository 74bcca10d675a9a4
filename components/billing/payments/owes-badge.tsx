import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/billing/money-input";

/** "Owes £12.50": whether a patient owes and how much, no details (every role may see it). */
export function OwesBadge({ owedMinor, currency }: { owedMinor: number | undefined; currency: string }) {
  if (!owedMinor || owedMinor <= 0) return null;
  return <Badge tone="warning">Owes {formatMoney(owedMinor, currency)}</Badge>;
}
