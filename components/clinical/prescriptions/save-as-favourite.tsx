"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { useActionCall } from "@/components/ui/use-action-call";
import { saveFavouriteAction } from "@/lib/actions/favourites/save-favourite";
import type { LineFormValues } from "./line-form-values";

/** "Save as favourite" on a line: the doctor names it, and it is one click away on the next prescription. */
export function SaveAsFavourite({ line }: { line: LineFormValues }) {
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState("");
  const [labelError, setLabelError] = useState<string | undefined>();
  const save = useActionCall(saveFavouriteAction, {
    success: () => "Saved to your favourites.",
    onSuccess: () => {
      setOpen(false);
      setLabel("");
    },
    onRefused: (error) => {
      const message =
        error.fields?.label ?? (error.fields ? "Complete this line before saving it." : undefined);
      setLabelError(message ?? error.message);
      return true;
    },
  });
  if (!open)
    return (
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          setLabel(line.medicationName?.trim() ?? "");
          setOpen(true);
        }}
      >
        Save as favourite
      </Button>
    );
  return (
    <div className="flex flex-wrap items-end gap-2">
      <TextField
        label="Favourite's name"
        value={label}
        error={labelError}
        onChange={(event) => {
          setLabel(event.target.value);
          setLabelError(undefined);
        }}
      />
      <Button
        size="sm"
        disabled={save.pending}
        onClick={() => save.call({ label, line: { ...line, controlled: false } })}
      >
        {save.pending ? "Saving…" : "Save"}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </div>
  );
}
