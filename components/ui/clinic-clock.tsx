"use client";

import { createContext, type ReactNode, useContext } from "react";
import { type ClinicClock, DEFAULT_CLINIC_CLOCK } from "@/lib/clinic/clock-input";

const ClinicClockContext = createContext<ClinicClock>(DEFAULT_CLINIC_CLOCK);

/** The clinic's date order and 12/24-hour setting, for every date and time field under it. */
export function ClinicClockProvider({ clock, children }: { clock: ClinicClock; children: ReactNode }) {
  return <ClinicClockContext value={clock}>{children}</ClinicClockContext>;
}

export function useClinicClock(): ClinicClock {
  return useContext(ClinicClockContext);
}
