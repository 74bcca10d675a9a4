"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type UseFormRegisterReturn,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import type { ServerAction } from "@/lib/action-pipeline/result";
import { applyFieldErrors } from "./field-errors";
import { type ActionCallOptions, useActionCall } from "./use-action-call";

type ActionFormOptions<T extends FieldValues, Parsed, R> = Omit<ActionCallOptions<Parsed, R>, "message"> & {
  /** The form's schema from lib/validations: the action's own, or its twin in the form's terms. */
  schema: z.ZodType<Parsed, T>;
  action: ServerAction<R>;
  defaultValues: DefaultValues<T>;
  /** The action's input from the checked values, where the form asks in its own terms. */
  toInput?: (values: Parsed) => unknown;
  /** Where a refused path of the action's input shows on this form (e.g. `startsAt` on `startTime`). */
  fieldOf?: (path: string) => string;
  /** Where a refusal's message goes: a toast (default), `formError` for a notice, or one field. */
  message?: "toast" | "inline" | { field: Path<T> };
};

/** What a TextField, SelectField or TextAreaField needs for `name`: its registration and its error. */
export type FormField<T extends FieldValues> = <N extends Path<T>>(
  name: N,
  rules?: RegisterOptions<T, N>,
) => UseFormRegisterReturn<N> & { error: string | undefined };

/**
 * A form bound to a server action: react-hook-form checks the values with the action's zod schema
 * in the browser, the action checks them again, and its refusals land on the same inputs.
 */
export function useActionForm<T extends FieldValues, Parsed, R>(options: ActionFormOptions<T, Parsed, R>) {
  const { schema, action, defaultValues, toInput, fieldOf, message = "toast", onRefused } = options;
  const form = useForm<T, unknown, Parsed>({ resolver: zodResolver(schema), defaultValues });
  const submitted = useActionCall((values: Parsed) => action(toInput ? toInput(values) : values), {
    ...options,
    message: message === "inline" ? "inline" : "toast",
    onRefused: async (error, values) => {
      if (await onRefused?.(error, values)) return true;
      applyFieldErrors(form.setError, error.fields, fieldOf);
      if (typeof message !== "object") return false;
      if (!error.fields?.[message.field]) form.setError(message.field, { message: error.message });
      return true;
    },
  });

  // The form's refusal (its notice) goes as soon as the person edits any field.
  const { clearError } = submitted;
  useEffect(() => {
    const subscription = form.watch(() => clearError());
    return () => subscription.unsubscribe();
  }, [form, clearError]);

  const field: FormField<T> = (name, rules) => ({
    ...form.register(name, rules),
    error: form.getFieldState(name, form.formState).error?.message,
  });

  return {
    form,
    field,
    /** Runs the action with values already checked: a retry of the same values, say. */
    run: submitted.call,
    submit: form.handleSubmit(submitted.call),
    pending: submitted.pending,
    formError: submitted.error,
  };
}
