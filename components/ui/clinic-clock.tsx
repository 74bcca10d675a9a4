"use client";

import { createContext, type ReactNode, useContext } from "react";
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
