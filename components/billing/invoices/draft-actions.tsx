"use client";

import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { issueInvoiceAction } from "@/lib/actions/invoices/issue-invoice";
import { removeInvoiceLineAction } from "@/lib/actions/invoices/remove-invoice-line";

export function RemoveLineButton({ lineId, description }: { lineId: string; description: string }) {
  const remove = useActionCall(removeInvoiceLineAction, { success: () => "Line removed." });
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`Remove ${description}`}
      disabled={remove.pending}
      onClick={() => remove.call({ lineId })}
    >
      Remove
    </Button>
  );
}

export function IssueButton({ invoiceId }: { invoiceId: string }) {
  const issue = useActionCall(issueInvoiceAction, { success: (issued) => `Issued as ${issued.number}.` });
  return (
    <Button disabled={issue.pending} onClick={() => issue.call({ invoiceId })}>
      {issue.pending ? "Issuing…" : "Issue invoice"}
    </Button>
  );
}
