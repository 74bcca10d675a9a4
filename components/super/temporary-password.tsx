"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";

/** A temporary password, shown this once: the platform keeps only its hash. */
export function TemporaryPassword({ email, password }: { email: string; password: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">
        Give this temporary password to <strong>{email}</strong> over a channel you trust. It is shown only
        now; they must choose their own at first sign-in.
      </p>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <TextField
            label="Temporary password"
            readOnly
            value={password}
            className="font-mono"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(password).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
