import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ClinicDate } from "@/components/ui/clinic-clock";

export type DuplicateCandidate = {
  id: string;
  mrn: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string | null;
};

/**
 * The registered patients a new registration may duplicate. Staff open them to check, or say this
 * is someone else and register anyway (the server asks again unless told so).
 */
export function DuplicateWarning({
  message,
  candidates,
  pending,
  onRegisterAnyway,
  onDismiss,
}: {
  message: string;
  /** Null when the list could not be loaded: the message still names them. */
  candidates: DuplicateCandidate[] | null;
  pending: boolean;
  onRegisterAnyway: () => void;
  onDismiss: () => void;
}) {
  return (
    <section
      role="alert"
      aria-labelledby="duplicate-heading"
      className="flex flex-col gap-4 rounded-lg border border-amber-300 bg-amber-50 p-5"
    >
      <div className="flex flex-col gap-1">
        <h2 id="duplicate-heading" className="text-lg font-semibold text-amber-900">
          This patient may already be registered
        </h2>
        <p className="text-sm text-amber-900">
          {candidates ? "Same name and date of birth, or the same phone number:" : message}
        </p>
      </div>
      {candidates && candidates.length > 0 ? (
        <ul className="flex flex-col divide-y divide-amber-200 rounded-md border border-amber-200 bg-white text-sm">
          {candidates.map((candidate) => (
            <li key={candidate.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>
                <span className="font-mono">{candidate.mrn}</span>{" "}
                <span className="font-medium">
                  {candidate.firstName} {candidate.lastName}
                </span>
                , born <ClinicDate date={candidate.dateOfBirth} />
                {candidate.phone ? `, ${candidate.phone}` : ""}
              </span>
              <Link
                href={`/patients/${candidate.id}`}
                target="_blank"
                className="font-medium text-brand-700 underline-offset-4 hover:underline"
              >
                Open {candidate.mrn}
                <span className="sr-only"> in a new tab</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={onRegisterAnyway} disabled={pending}>
          {pending ? "Registering…" : "This is a different person — register anyway"}
        </Button>
        <Button variant="secondary" onClick={onDismiss} disabled={pending}>
          Back to the form
        </Button>
      </div>
    </section>
  );
}
