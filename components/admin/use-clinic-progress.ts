"use client";

import { useQuery } from "@tanstack/react-query";
import type { ClinicProgress } from "@/lib/admin/clinic-progress";

const SETTLED = new Set(["ACTIVE", "FAILED", "SUSPENDED", "DELETED"]);

async function fetchClinicProgress(clinicId: string): Promise<ClinicProgress> {
  const response = await fetch(`/api/admin/clinics/${clinicId}/status`, { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? "The clinic's status could not be read.");
  return body as ClinicProgress;
}

export const clinicProgressKey = (clinicId: string | null) => ["admin", "clinic-progress", clinicId];

/** The clinic's set-up progress, polled every half second until it is active or has failed. */
export function useClinicProgress(clinicId: string | null) {
  return useQuery({
    queryKey: clinicProgressKey(clinicId),
    queryFn: () => fetchClinicProgress(clinicId as string),
    enabled: clinicId !== null,
    refetchInterval: (query) => (SETTLED.has(query.state.data?.status ?? "") ? false : 500),
  });
}
