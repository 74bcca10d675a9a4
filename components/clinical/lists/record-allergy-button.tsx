"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { AllergyForm } from "./allergy-form";

/** "Record allergy" that opens the allergy form in a dialog (the visit page's quick way in). */
export function RecordAllergyButton({
  patientId,
  variant = "secondary",
}: {
  patientId: string;
  variant?: "primary" | "secondary";
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        Record allergy
      </Button>
      {open ? (
        <Dialog open onClose={() => setOpen(false)} title="Record an allergy">
          <AllergyForm patientId={patientId} onDone={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}
