"use client";

import { type ComponentProps, useId } from "react";
import { SUBDOMAIN_MAX_LENGTH, SUBDOMAIN_MIN_LENGTH } from "@/lib/validations/subdomain";
import { FieldError, Input, Label } from "../ui/input";
import { useSubdomainAvailability } from "./use-subdomain-availability";

/** The subdomain input with its rules spelled out and a live "available / taken / …" answer. */
export function SubdomainField({
  rootDomain,
  value,
  error,
  ...props
}: ComponentProps<"input"> & {
  rootDomain: string;
  value: string;
  error?: string;
}) {
  const id = useId();
  const availability = useSubdomainAvailability(value);
  const answer = availability.kind === "answered" ? availability.answer : null;
  const describedBy = [`${id}-rules`, `${id}-availability`, error ? `${id}-error` : null].filter(Boolean);

  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>Subdomain</Label>
      <div className="flex items-center gap-2">
        <Input
          id={id}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="your-clinic"
          aria-invalid={error || answer?.available === false ? true : undefined}
          aria-describedby={describedBy.join(" ")}
          {...props}
        />
        <span className="shrink-0 text-sm text-slate-600">.{rootDomain}</span>
      </div>
      <p id={`${id}-rules`} className="text-xs text-slate-600">
        The clinic&apos;s address. {SUBDOMAIN_MIN_LENGTH}–{SUBDOMAIN_MAX_LENGTH} characters: lowercase letters
        a–z, digits and hyphens; it starts with a letter, and has no hyphen at either end or two in a row.
        Some names (www, admin, api, …) are reserved. It cannot be changed later.
      </p>
      <p id={`${id}-availability`} aria-live="polite" className="min-h-5 text-sm">
        {availability.kind === "checking" ? <span className="text-slate-600">Checking…</span> : null}
        {availability.kind === "error" ? (
          <span className="text-slate-600">{availability.message}</span>
        ) : null}
        {answer ? (
          <span className={answer.available ? "text-green-800" : "text-red-700"}>
            <span aria-hidden="true">{answer.available ? "✓ " : "✕ "}</span>
            {answer.message}
          </span>
        ) : null}
      </p>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}
