"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { checkSubdomainAction } from "@/lib/actions/admin/check-subdomain";
import type { SubdomainAvailability } from "@/lib/admin/subdomain-availability";
import { parseSubdomain, RESERVED_SUBDOMAINS } from "@/lib/validations/subdomain";

export type AvailabilityState =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "answered"; answer: SubdomainAvailability }
  | { kind: "error"; message: string };

/**
 * The live answer for what is typed in the subdomain field: the rules are checked in the browser at
 * once; valid names go to the server (taken? held after a deletion?) 300 ms after typing stops.
 */
export function useSubdomainAvailability(value: string): AvailabilityState {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), 300);
    return () => clearTimeout(timer);
  }, [value]);
  const local = parseSubdomain(value);
  const query = useQuery({
    queryKey: ["admin", "subdomain-availability", debounced],
    queryFn: async () => {
      const result = await checkSubdomainAction({ subdomain: debounced });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    enabled: parseSubdomain(debounced).ok,
    staleTime: 0,
  });

  if (value === "") return { kind: "idle" };
  if (!local.ok) {
    const reason = RESERVED_SUBDOMAINS.has(value) ? "reserved" : "invalid";
    return { kind: "answered", answer: { available: false, reason, message: local.message } };
  }
  if (debounced !== value || query.isPending) return { kind: "checking" };
  if (query.isError) return { kind: "error", message: "The address could not be checked just now." };
  return { kind: "answered", answer: query.data };
}
