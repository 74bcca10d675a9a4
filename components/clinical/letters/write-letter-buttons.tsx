"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { LetterParties } from "@/lib/clinical/letters/templates";
import { ReferralLetterForm } from "./referral-letter-form";
import { SickNoteForm } from "./sick-note-form";

/** "Sick note" and "Referral letter", each opening its form in a dialog (doctors only). */
export function WriteLetterButtons({
  patientId,
  visitId,
  parties,
  history,
  today,
}: {
  patientId: string;
  visitId: string;
  parties: LetterParties;
  history: string;
  today: string;
}) {
  const [open, setOpen] = useState<"sick-note" | "referral" | null>(null);
  const close = () => setOpen(null);
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" size="sm" onClick={() => setOpen("sick-note")}>
        Sick note
      </Button>
      <Button variant="secondary" size="sm" onClick={() => setOpen("referral")}>
        Referral letter
      </Button>
      {open === "sick-note" ? (
        <Dialog open onClose={close} title="Write a sick note">
          <SickNoteForm
            patientId={patientId}
            visitId={visitId}
            parties={parties}
            today={today}
            onDone={close}
          />
        </Dialog>
      ) : null}
      {open === "referral" ? (
        <Dialog open onClose={close} title="Write a referral letter">
          <ReferralLetterForm
            patientId={patientId}
            visitId={visitId}
            parties={parties}
            history={history}
            onDone={close}
          />
        </Dialog>
      ) : null}
    </div>
  );
}
