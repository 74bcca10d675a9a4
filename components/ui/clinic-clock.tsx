"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import { type ClinicTimeFormat, clinicTimeFormat } from "@/components/clinic/clinic-time";
import { type ClinicClock, DEFAULT_CLINIC_CLOCK, formatClinicDate } from "@/lib/clinic/clock-input";

const ClinicClockContext = createContext<ClinicClock>(DEFAULT_CLINIC_CLOCK);

/** The clinic's date order and 12/24-hour setting, for every date and time field under it. */
export function ClinicClockProvider({ clock, children }: { clock: ClinicClock; children: ReactNode }) {
  return <ClinicClockContext value={clock}>{children}</ClinicClockContext>;
}

export function useClinicClock(): ClinicClock {
  return useContext(ClinicClockContext);
}

/** A calendar day (YYYY-MM-DD) written in the clinic's date order: "30/11/2026". */
export function ClinicDate({ date }: { date: string }) {
  const { dateOrder } = useClinicClock();
  return <span className="whitespace-nowrap tabular-nums">{formatClinicDate(date, dateOrder)}</span>;
}

/** Time formatters for the clinic's zone on its own clock (12- or 24-hour). */
export function useClinicTimeFormat(timeZone: string): ClinicTimeFormat {
  const { hour12 } = useClinicClock();
  return useMemo(() => clinicTimeFormat(timeZone, { hour12 }), [timeZone, hour12]);
}
