"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { FieldError, Input, Label } from "@/components/ui/input";
import { searchDiagnosisCodesAction } from "@/lib/actions/diagnoses/search-diagnosis-codes";
import { checkIcd10cmCode } from "@/lib/clinical/icd10cm/structure";

export type ChosenCode = { code: string; title: string | null; inCodeList: boolean };

/**
 * The ICD-10-CM search as a combobox: type a code's beginning or words of its title, move with the
 * arrow keys, Enter chooses. A typed code that fits the structure but is not listed can be chosen
 * too, flagged "not in the list".
 */
export function CodeSearch({
  chosen,
  onChoose,
  error,
  label = "Diagnosis (ICD-10-CM)",
}: {
  chosen: ChosenCode | null;
  onChoose: (code: ChosenCode | null) => void;
  error?: string;
  label?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ code: string; title: string }[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [searching, startSearch] = useTransition();
  const latest = useRef("");

  useEffect(() => {
    const text = query.trim();
    latest.current = text;
    if (text === "") {
      setResults([]);
      return;
    }
    const timer = setTimeout(() => {
      startSearch(async () => {
        const result = await searchDiagnosisCodesAction({ query: text });
        if (latest.current === text) setResults(result.ok ? result.data : []);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  const typed = checkIcd10cmCode(query);
  const unlisted =
    typed.ok && !results.some((result) => result.code === typed.code) ? { code: typed.code } : null;
  const options: ChosenCode[] = [
    ...results.map((result) => ({ ...result, inCodeList: true })),
    ...(unlisted ? [{ code: unlisted.code, title: null, inCodeList: false }] : []),
  ];

  function choose(option: ChosenCode) {
    onChoose(option);
    setQuery("");
    setOpen(false);
  }

  if (chosen)
    return (
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-medium text-slate-800">{label}</span>
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          <span className="font-mono font-semibold">{chosen.code}</span>
          <span className="text-slate-800">{chosen.title ?? "Title to write below"}</span>
          {chosen.inCodeList ? null : <Badge tone="warning">not in the list</Badge>}
          <button
            type="button"
            className="ml-auto text-sm font-medium text-brand-700 underline"
            onClick={() => onChoose(null)}
          >
            Change
          </button>
        </div>
        {error ? <FieldError>{error}</FieldError> : null}
      </div>
    );

  const listId = `${id}-list`;
  const expanded = open && query.trim() !== "";
  return (
    <div className="relative flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        role="combobox"
        autoComplete="off"
        placeholder="Type a code (J45) or words (asthma)"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-activedescendant={expanded && options[active] ? `${id}-option-${active}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, options.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === "Enter") {
            const option = options[active];
            if (expanded && option) {
              event.preventDefault();
              choose(option);
            }
          } else if (event.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {expanded ? (
        <div
          id={listId}
          role="listbox"
          tabIndex={-1}
          aria-label="Matching codes"
          className="absolute top-full z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {options.map((option, index) => (
            <button
              type="button"
              tabIndex={-1}
              key={`${option.code}-${option.inCodeList}`}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={`flex w-full cursor-pointer items-baseline gap-2 px-3 py-2 text-left ${index === active ? "bg-brand-50" : ""}`}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="w-20 shrink-0 font-mono font-semibold">{option.code}</span>{" "}
              <span className="text-slate-800">{option.title ?? "Use this code"}</span>{" "}
              {option.inCodeList ? null : <Badge tone="warning">not in the list</Badge>}
            </button>
          ))}
          {options.length === 0 ? (
            <p className="px-3 py-2 text-slate-600">
              {searching
                ? "Searching…"
                : "No code in the list matches. Type the full code to use another one."}
            </p>
          ) : null}
        </div>
      ) : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}
