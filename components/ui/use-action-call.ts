"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { ActionError, ActionResult } from "@/lib/action-pipeline/result";
import { useToast } from "./toast";

export type ActionCallOptions<I, R> = {
  /** The toast once it worked; none where the result shows itself. */
  success?: (data: R, input: I) => string;
  onSuccess?: (data: R, input: I) => void;
  /** Toast unless "inline": then the refusal is `error`, for a notice inside a dialog or form. */
  message?: "toast" | "inline";
  /** A refusal the caller answers its own way (true: handled, nothing else is said). */
  onRefused?: (error: ActionError, input: I) => boolean | Promise<boolean>;
  /** Re-read the page after it worked (default), since the change shows there. */
  refresh?: boolean;
};

/**
 * Runs a server action on a click (check in, suspend, sign out…) or a form's submit: pending while
 * it runs, its refusal said, and the page re-read once it worked.
 */
export function useActionCall<I, R>(
  action: (input: I) => Promise<ActionResult<R>>,
  options: ActionCallOptions<I, R> = {},
) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const call = (input: I) =>
    startTransition(async () => {
      setError(null);
      const result = await action(input);
      if (!result.ok) {
        if (await options.onRefused?.(result.error, input)) return;
        if (options.message === "inline") setError(result.error.message);
        else toast(result.error.message, "error");
        return;
      }
      if (options.success) toast(options.success(result.data, input));
      options.onSuccess?.(result.data, input);
      if (options.refresh ?? true) router.refresh();
    });

  // A refusal is about what was sent: once the person changes it, it no longer applies.
  const clearError = useCallback(() => setError(null), []);

  return { call, pending, error, clearError };
}
