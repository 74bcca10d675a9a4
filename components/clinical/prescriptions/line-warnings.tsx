import type { LineWarning } from "@/lib/clinical/prescriptions/prescription-checks";

const TITLES: Record<LineWarning["kind"], string> = {
  ALLERGY: "Allergy",
  ALLERGIES_NOT_RECORDED: "Allergies not recorded",
  DUPLICATE: "Already taking",
};

/** A line's checks as the doctor reads them before signing, or as they were when it was signed. */
export function LineWarnings({ warnings }: { warnings: LineWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1.5 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
      {warnings.map((warning) => (
        <li key={`${warning.kind}:${warning.message}`}>
          <span className="font-semibold">{TITLES[warning.kind]}: </span>
          {warning.message}
        </li>
      ))}
    </ul>
  );
}

/** Warnings stored on a signed line (JSON): anything unreadable is left out. */
export function storedWarnings(value: unknown): LineWarning[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is LineWarning =>
      typeof item === "object" && item !== null && typeof item.message === "string" && item.kind in TITLES,
  );
}
