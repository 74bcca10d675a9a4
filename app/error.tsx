"use client";

import { RequestErrorNotice } from "@/app/_errors/request-error-notice";

// Catches what fails in a layout below the root one: a clinic's layout (its lookup in the central database), /super, /admin.
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RequestErrorNotice digest={error.digest} reset={reset} />;
}
