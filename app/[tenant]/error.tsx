"use client";

import { RequestErrorNotice } from "@/app/_errors/request-error-notice";

export default function ClinicError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RequestErrorNotice digest={error.digest} reset={reset} />;
}
