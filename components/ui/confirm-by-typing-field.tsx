import type { ComponentProps } from "react";
import { TextField } from "./form-field";

/**
 * "Type <expected> to confirm" before something that cannot be taken back: no autocomplete or
 * autocorrect, so the person types the name themselves. Spread `field("confirmation")` into it.
 */
export function ConfirmByTypingField({
  expected,
  ...props
}: Omit<ComponentProps<typeof TextField>, "label"> & { expected: string }) {
  return (
    <TextField
      label={
        <>
          Type <span className="font-mono">{expected}</span> to confirm
        </>
      }
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}
