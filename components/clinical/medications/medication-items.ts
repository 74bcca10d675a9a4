import { localDateOf } from "@/lib/clinic/time";
import type { MedicationList } from "@/lib/clinical/medications/medication-list";
import { directionsOf, medicationTitle } from "@/lib/clinical/prescriptions/line-wording";
import type { MedicationStatus, ReportedMedicationStatus } from "@/lib/generated/tenant/enums";

/** A prescribed line as the list shows it: worded, its days on the clinic's calendar (YYYY-MM-DD). */
export type PrescribedItem = {
  id: string;
  prescriptionId: string;
  number: string | null;
  title: string;
  directions: string;
  instructions: string | null;
  refills: string;
  prescribedOn: string | null;
  prescriberName: string;
  endsOn: string | null;
  status: MedicationStatus;
  statusReason: string | null;
  changedOn: string | null;
  /** Null when the clinic changed it by itself (completed at the end of its course). */
  changedByName: string | null;
};

export type ReportedItem = {
  id: string;
  name: string;
  /** "200 mg · twice a day · since 2023-09": what the patient told us, as far as they knew. */
  details: string;
  note: string | null;
  status: ReportedMedicationStatus;
  statusReason: string | null;
  recordedOn: string;
  recordedByName: string;
  changedOn: string;
};

export type MedicationItems = {
  current: PrescribedItem[];
  currentReported: ReportedItem[];
  past: PrescribedItem[];
  pastReported: ReportedItem[];
};

const refillWords = (refills: number) =>
  refills === 0 ? "No refills" : refills === 1 ? "1 refill" : `${refills} refills`;

/** The list as the page hands it to its components: worded and dated in the clinic's time zone. */
export function medicationItemsOf(list: MedicationList, timeZone: string): MedicationItems {
  const day = (instant: Date | null) => (instant ? localDateOf(instant, timeZone) : null);
  const prescribed = (item: MedicationList["current"][number]): PrescribedItem => ({
    id: item.id,
    prescriptionId: item.prescriptionId,
    number: item.number,
    title: medicationTitle(item.line),
    directions: directionsOf(item.line),
    instructions: item.line.instructions ?? null,
    refills: refillWords(item.line.refills),
    prescribedOn: day(item.prescribedAt),
    prescriberName: item.prescriberName,
    endsOn: day(item.endsAt),
    status: item.status,
    statusReason: item.statusReason,
    changedOn: day(item.statusChangedAt),
    changedByName: item.statusChangedByName,
  });
  const reported = (item: MedicationList["currentReported"][number]): ReportedItem => ({
    id: item.id,
    name: item.name,
    details: [item.dose, item.frequency, item.since ? `since ${item.since}` : null]
      .filter(Boolean)
      .join(" · "),
    note: item.note,
    status: item.status,
    statusReason: item.statusReason,
    recordedOn: localDateOf(item.recordedAt, timeZone),
    recordedByName: item.recordedByName,
    changedOn: localDateOf(item.changedAt, timeZone),
  });
  return {
    current: list.current.map(prescribed),
    currentReported: list.currentReported.map(reported),
    past: list.past.map(prescribed),
    pastReported: list.pastReported.map(reported),
  };
}
