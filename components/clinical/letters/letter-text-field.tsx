"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/textarea-field";

/** The letter's text: filled from the template until edited, with the way back to the template. */
export function LetterTextField({
  registered,
  error,
  edited,
  onEdit,
  onRefill,
  rows = 12,
}: {
  registered: UseFormRegisterReturn<"body">;
  error: string | undefined;
  edited: boolean;
  onEdit: () => void;
  onRefill: () => void;
  rows?: number;
}) {
  return (
    <div className="flex flex-col gap-1">
      <TextAreaField
        label="Letter text"
        hint={
          edited
            ? "Edited by hand: the fields above no longer change it."
            : "Filled from the template as you type above; edit it freely before writing."
        }
        rows={rows}
        error={error}
        {...registered}
        onChange={(event) => {
          onEdit();
          return registered.onChange(event);
        }}
      />
      {edited ? (
        <div>
          <Button variant="ghost" size="sm" onClick={onRefill}>
            Fill from the template again
          </Button>
        </div>
      ) : null}
    </div>
  );
}
