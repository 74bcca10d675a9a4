import type { AllergyBanner as Banner } from "@/lib/clinical/allergy-banner";

const SEVERITY_LABELS = { MILD: "mild", MODERATE: "moderate", SEVERE: "severe" } as const;

/** The allergy line at the top of every page of a patient, for every role that may see it. */
export function AllergyBanner({ banner }: { banner: Banner }) {
  if (banner.state === "listed") {
    return (
      <section
        aria-label="Allergies"
        className="flex flex-wrap items-baseline gap-x-2 gap-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
      >
        <strong className="font-semibold">Allergies:</strong>
        {banner.allergies.map((allergy, index) => (
          <span key={allergy.id}>
            {allergy.substance}
            {allergy.severity ? ` (${SEVERITY_LABELS[allergy.severity]})` : ""}
            {allergy.confirmed ? "" : ", unconfirmed"}
            {index < banner.allergies.length - 1 ? ";" : ""}
          </span>
        ))}
      </section>
    );
  }
  if (banner.state === "none-known") {
    return (
      <section
        aria-label="Allergies"
        className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700"
      >
        <strong className="font-semibold">No known allergies</strong> (recorded)
      </section>
    );
  }
  return (
    <section
      aria-label="Allergies"
      className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <strong className="font-semibold">Allergies not yet recorded.</strong> Ask the patient before giving any
      medicine.
    </section>
  );
}
