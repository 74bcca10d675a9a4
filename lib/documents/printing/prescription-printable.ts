import type { MedicationStatus, PrescriptionStatus } from "@/lib/generated/tenant/enums";

export const PRESCRIPTION_NOT_FOUND =
  "No such prescription in this clinic. Open it again from the patient's Print tab.";

const STATUS_REASONS: Partial<Record<PrescriptionStatus, string>> = {
  DRAFT: "It is not signed yet: the prescriber signs it first.",
  CANCELLED: "It was cancelled. It stays in the record to read.",
  ENTERED_IN_ERROR: "It was marked entered in error. It stays in the record to read.",
};

const LINE_REASONS: Partial<Record<MedicationStatus, string>> = {
  DRAFT: "A medicine on it is not signed yet.",
  STOPPED:
    "A medicine on it was stopped. Ask a doctor for a new prescription of what the patient still takes.",
  CANCELLED:
    "A medicine on it was cancelled. Ask a doctor for a new prescription of what the patient still takes.",
  ENTERED_IN_ERROR:
    "A medicine on it was marked entered in error. Ask a doctor for a new prescription if one is needed.",
};

/**
 * Why a prescription may not be printed, in words for the front desk; null when it may: signed,
 * and every medicine on it active or completed.
 */
export function whyNotPrintable(prescription: {
  status: PrescriptionStatus;
  lines: { status: MedicationStatus }[];
}): string | null {
  const byStatus = STATUS_REASONS[prescription.status];
  if (byStatus) return byStatus;
  for (const line of prescription.lines) {
    const byLine = LINE_REASONS[line.status];
    if (byLine) return byLine;
  }
  return null;
}
