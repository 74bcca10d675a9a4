"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { AllergyRow } from "@/lib/clinical/allergies";
import { AllergyForm } from "./allergy-form";
import { AllergyList } from "./allergy-list";
import { NoKnownAllergiesButton } from "./no-known-allergies-button";

/** The allergies section: the list, the record form (opened on demand) and "No known allergies". */
export function AllergiesCard({
  patientId,
  allergies,
  noneKnown,
  canManage,
}: {
  patientId: string;
  allergies: AllergyRow[];
  /** Whether "no known allergies" is the recorded statement. */
  noneKnown: boolean;
  canManage: boolean;
}) {
  const [recording, setRecording] = useState(false);
  const active = allergies.some(
    (allergy) => allergy.status === "ACTIVE" && ["CONFIRMED", "UNCONFIRMED"].includes(allergy.verification),
  );
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
        <CardTitle as="h2">Allergies and intolerances</CardTitle>
        {canManage && !recording ? (
          <div className="flex flex-wrap gap-2">
            {!active && !noneKnown ? <NoKnownAllergiesButton patientId={patientId} /> : null}
            <Button onClick={() => setRecording(true)}>Record allergy</Button>
          </div>
        ) : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {recording ? <AllergyForm patientId={patientId} onDone={() => setRecording(false)} /> : null}
        <AllergyList allergies={allergies} canManage={canManage} />
        {allergies.length === 0 ? (
          <p className="text-sm text-slate-600">
            {noneKnown
              ? "No known allergies, as recorded after asking the patient."
              : canManage
                ? "Nothing recorded yet. Ask the patient, then record each allergy or “No known allergies”."
                : "Nothing recorded yet. A doctor or nurse records allergies after asking the patient."}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
