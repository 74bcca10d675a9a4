"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { FormActions } from "@/components/ui/form-actions";
import { Notice } from "@/components/ui/notice";
import { LetterTextField } from "./letter-text-field";

/** How every letter form ends: the letter's text, the warning that it is written once, any refusal, write or cancel. */
export function LetterFormEnd({
  body,
  template,
  writtenOnce,
  formError,
  pending,
  submitLabel,
  onCancel,
}: {
  /** `field("body")` of the letter's form. */
  body: UseFormRegisterReturn<"body"> & { error?: string };
  /** What useTemplateText returned for the form. */
  template: { edited: boolean; markEdited: () => void; refill: () => void };
  /** "A sick note is written once: …": what to check before writing. */
  writtenOnce: string;
  formError: string | null | undefined;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { error, ...registered } = body;
  return (
    <>
      <LetterTextField
        registered={registered}
        error={error}
        edited={template.edited}
        onEdit={template.markEdited}
        onRefill={template.refill}
      />
      <Notice tone="warning">{writtenOnce}</Notice>
      {formError ? <Notice>{formError}</Notice> : null}
      <FormActions pending={pending} submitLabel={submitLabel} pendingLabel="Writing…" onCancel={onCancel} />
    </>
  );
}
