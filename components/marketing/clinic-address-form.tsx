"use client";

import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { clinicOrigin } from "@/lib/config/root-domain";
import { parseSubdomain } from "@/lib/validations/subdomain";

export function ClinicAddressForm({ rootDomain }: { rootDomain: string }) {
  const inputId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);

  function goToClinic(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const subdomain = String(new FormData(event.currentTarget).get("clinic") ?? "")
      .trim()
      .toLowerCase();
    const parsed = parseSubdomain(subdomain);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    window.location.assign(`${clinicOrigin(parsed.subdomain, rootDomain)}/`);
  }

  return (
    <form onSubmit={goToClinic} noValidate className="flex flex-col gap-2">
      <Label htmlFor={inputId}>Your clinic&apos;s address</Label>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <div className="flex min-w-0 flex-1 items-center gap-2">
          <Input
            id={inputId}
            name="clinic"
            placeholder="your-clinic"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <span className="shrink-0 text-sm text-slate-600">.{rootDomain}</span>
        </div>
        <Button type="submit">Go to my clinic</Button>
      </div>
      {error ? (
        <FieldError id={errorId} role="alert">
          {error}
        </FieldError>
      ) : null}
    </form>
  );
}
