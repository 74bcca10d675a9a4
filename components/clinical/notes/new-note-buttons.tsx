"use client";

import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import { startNoteAction } from "@/lib/actions/notes/start-note";
import type { NoteKind } from "@/lib/generated/tenant/enums";
import { NOTE_KIND_LABELS } from "@/lib/validations/notes";

/** The notes the signed-in clinician can start on this visit, one click each. */
export function NewNoteButtons({ visitId, kinds }: { visitId: string; kinds: NoteKind[] }) {
  const start = useActionCall(startNoteAction);
  if (kinds.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {kinds.map((kind) => (
        <Button
          key={kind}
          variant={kind === "SOAP" ? "primary" : "secondary"}
          disabled={start.pending}
          onClick={() => start.call({ visitId, kind })}
        >
          {kind === "SOAP" ? "Write SOAP note" : `New ${NOTE_KIND_LABELS[kind].toLowerCase()}`}
        </Button>
      ))}
    </div>
  );
}
