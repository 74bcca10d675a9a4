"use client";

import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import type { ServerAction } from "@/lib/action-pipeline/result";

/** One click that runs an action on a row and says what happened (refusals in a toast). */
export function RowActionButton<I>({
  action,
  input,
  label,
  srName,
  done,
}: {
  action: ServerAction<unknown>;
  input: I;
  label: string;
  srName: string;
  done: string;
}) {
  const run = useActionCall(action, { success: () => done });
  return (
    <Button variant="secondary" size="sm" disabled={run.pending} onClick={() => run.call(input)}>
      {label}
      <span className="sr-only"> {srName}</span>
    </Button>
  );
}
