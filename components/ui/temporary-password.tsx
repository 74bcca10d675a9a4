"use client";

import { type ReactNode, useState } from "react";
import { Button } from "./button";
import { TextField } from "./form-field";
import { useToast } from "./toast";

/** A temporary password, shown this once (only its hash is kept), with what to do with it. */
export function TemporaryPassword({ password, children }: { password: string; children: ReactNode }) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard.writeText(password).then(
      () => setCopied(true),
      () => toast("Copying is not allowed here: select the password and copy it by hand.", "error"),
    );
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{children}</p>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <TextField
            label="Temporary password"
            readOnly
            value={password}
            className="font-mono text-lg tracking-wide"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <Button variant="secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
