"use client";

import { useEffect, useState } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";

/**
 * Keeps a letter's `body` filled from its template as the other fields are typed, until the
 * doctor edits the text by hand; `refill` puts the template's wording back (their edits are lost).
 */
export function useTemplateText<T extends FieldValues & { body: string }, P>(
  form: UseFormReturn<T, unknown, P>,
  textOf: (values: Partial<T>) => string,
) {
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (edited) return;
    const fill = (values: Partial<T>) => {
      const text = textOf(values);
      // Only a changed text is set: setting it validates, and validating wakes watchers again.
      if (form.getValues("body" as Path<T>) === text) return;
      form.setValue("body" as Path<T>, text as PathValue<T, Path<T>>, {
        shouldValidate: form.formState.isSubmitted,
      });
    };
    fill(form.getValues());
    const subscription = form.watch((values, { name }) => {
      if (name && name !== "body") fill(values as Partial<T>);
    });
    return () => subscription.unsubscribe();
  }, [edited, form, textOf]);
  return { edited, markEdited: () => setEdited(true), refill: () => setEdited(false) };
}
