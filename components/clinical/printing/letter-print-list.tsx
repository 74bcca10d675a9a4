import { formatClinicDateTime } from "@/components/clinic/clinic-time";
import type { DateOrder } from "@/lib/clinic/clock-input";
import { formatClinicDate } from "@/lib/clinic/clock-input";
import type { PrintableLetter } from "@/lib/documents/printing/print-list";
import { PrintLink } from "./print-link";

const KINDS = {
  SICK_NOTE: { label: "Sick note", path: "sick-notes" },
  REFERRAL_LETTER: { label: "Referral letter", path: "referral-letters" },
};

/** The patient's sick notes and referral letters, newest first, for the doctors who write them. */
export function LetterPrintList({
  letters,
  timeZone,
  hour12,
  dateOrder,
}: {
  letters: PrintableLetter[];
  timeZone: string;
  hour12: boolean;
  dateOrder: DateOrder;
}) {
  if (letters.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
        No sick notes or referral letters yet. They show here once written from a visit.
      </p>
    );
  return (
    <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {letters.map((letter) => {
        const kind = KINDS[letter.kind];
        const about =
          letter.unfitFrom && letter.unfitTo
            ? `${letter.about} ${formatClinicDate(letter.unfitFrom, dateOrder)} to ${formatClinicDate(letter.unfitTo, dateOrder)}`
            : letter.about;
        const when = formatClinicDateTime(letter.writtenAt, timeZone, { hour12 });
        return (
          <li
            key={letter.id}
            className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="flex min-w-0 flex-col gap-0.5">
              <span className="font-medium text-slate-900">{kind.label}</span>
              <span className="text-sm text-slate-700">{about}</span>
              <span className="text-sm text-slate-600">
                Written {when} by {letter.author}
              </span>
            </div>
            <PrintLink
              href={`/print/${kind.path}/${letter.id}`}
              label={`the ${kind.label.toLowerCase()} written ${when}`}
              printed={letter.printed}
              timeZone={timeZone}
              hour12={hour12}
            />
          </li>
        );
      })}
    </ul>
  );
}
