"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { startPrescriptionAction } from "@/lib/actions/prescriptions/start-prescription";

/** "New prescription" on a visit: a draft for the visit's patient, opened in the editor. */
export function NewPrescriptionButton({ visitId }: { visitId: string }) {
  const router = useRouter();
  const start = useActionCall(startPrescriptionAction, {
    refresh: false,
    onSuccess: (data) => router.push(`/prescriptions/${data.prescriptionId}`),
  });
  return (
    <Button size="sm" disabled={start.pending} onClick={() => start.call({ visitId })}>
      {start.pending ? "Starting…" : "New prescription"}
    </Button>
  );
}
