"use client";

import { type ComponentProps, type RefCallback, useCallback, useRef, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import {
  datePatternOf,
  formatClinicDate,
  formatClockTime,
  parseClinicDate,
  parseClockTime,
} from "@/lib/clinic/clock-input";
import { useClinicClock } from "./clinic-clock";
import { Input } from "./input";
import { LabelledField } from "./labelled-field";

type Registered = UseFormRegisterReturn;
type InputProps = Omit<ComponentProps<"input">, keyof Registered | "type" | "value" | "defaultValue">;

/**
 * A text input that shows the clinic's way of writing a value and hands react-hook-form the value
 * the schema takes. The form sees a stand-in element: writing its `value` (defaults, reset,
 * setValue) shows the value written the clinic's way; typing sends the parsed value, or the raw
 * text when it does not parse, so the schema's message shows.
 */
function useParsedText(
  registered: Registered,
  parse: (text: string) => string | null,
  format: (value: string) => string,
) {
  const [text, setText] = useState("");
  const value = useRef("");
  const element = useRef<HTMLInputElement | null>(null);
  const { ref: register, onChange, onBlur, name } = registered;

  const stand = useCallback<RefCallback<HTMLInputElement>>(
    (input) => {
      element.current = input;
      if (!input) return register(null);
      register({
        name,
        get value() {
          return value.current;
        },
        set value(next: string) {
          if (next === value.current && next !== "") return;
          value.current = next ?? "";
          setText(next ? format(next) : "");
        },
        focus: () => element.current?.focus(),
      });
    },
    [register, name, format],
  );

  const send = (raw: string) => {
    const parsed = raw.trim() === "" ? "" : (parse(raw) ?? raw);
    value.current = parsed;
    return onChange({ target: { name, value: parsed }, type: "change" });
  };

  return {
    ref: stand,
    name,
    value: text,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      setText(event.target.value);
      return send(event.target.value);
    },
    onBlur: (event: React.FocusEvent<HTMLInputElement>) => {
      const parsed = parse(event.target.value);
      if (parsed) setText(format(parsed));
      return onBlur({ target: { name, value: value.current }, type: "blur" });
    },
  };
}

/** A time of day typed on the clinic's clock ("9", "930", "9:30", "2:30 pm"); the form gets HH:MM. */
export function TimeInput({ registered, ...props }: InputProps & { registered: Registered }) {
  const { hour12 } = useClinicClock();
  const format = useCallback((time: string) => formatClockTime(time, hour12), [hour12]);
  const text = useParsedText(registered, parseClockTime, format);
  return (
    <Input
      inputMode="text"
      autoComplete="off"
      placeholder={hour12 ? "h:mm am" : "HH:MM"}
      className="tabular-nums"
      {...props}
      {...text}
    />
  );
}

/** A date typed in the clinic's order ("30/11/2026"), or as 2026-11-30; the form gets YYYY-MM-DD. */
export function DateInput({ registered, ...props }: InputProps & { registered: Registered }) {
  const { dateOrder } = useClinicClock();
  const parse = useCallback((text: string) => parseClinicDate(text, dateOrder), [dateOrder]);
  const format = useCallback((date: string) => formatClinicDate(date, dateOrder), [dateOrder]);
  const text = useParsedText(registered, parse, format);
  return (
    <Input
      inputMode="numeric"
      autoComplete="off"
      placeholder={datePatternOf(dateOrder)}
      className="tabular-nums"
      {...props}
      {...text}
    />
  );
}

type FieldProps = InputProps & Registered & { label: string; hint?: string; error?: string };

function split({ label, hint, error, ...rest }: FieldProps) {
  const {
    name,
    onChange,
    onBlur,
    ref,
    min,
    max,
    maxLength,
    minLength,
    pattern,
    required,
    disabled,
    ...props
  } = rest;
  const registered = {
    name,
    onChange,
    onBlur,
    ref,
    min,
    max,
    maxLength,
    minLength,
    pattern,
    required,
    disabled,
  };
  return { label, hint, error, registered, props: { ...props, disabled } };
}

/** A labelled time field on the clinic's clock. With a form, spread `field(name)` of useActionForm. */
export function ClinicTimeField(fieldProps: FieldProps) {
  const { label, hint, error, registered, props } = split(fieldProps);
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => <TimeInput registered={registered} {...control} {...props} />}
    </LabelledField>
  );
}

/** A labelled date field in the clinic's date order. With a form, spread `field(name)` of useActionForm. */
export function ClinicDateField(fieldProps: FieldProps) {
  const { label, hint, error, registered, props } = split(fieldProps);
  return (
    <LabelledField label={label} hint={hint} error={error}>
      {(control) => <DateInput registered={registered} {...control} {...props} />}
    </LabelledField>
  );
}
