"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ClinicDate } from "@/components/ui/clinic-clock";
import { FieldError, Input, Label } from "@/components/ui/input";
import { searchPatientsForBookingAction } from "@/lib/actions/appointments/search-patients";

export type PickedPatient = { id: string; name: string; mrn: string; dateOfBirth: string };

/** Finds a patient by name, record number, phone or date of birth, and picks one. */
export function PatientPicker({
  value,
  onChange,
  error,
}: {
  value: PickedPatient | null;
  onChange: (patient: PickedPatient | null) => void;
  error?: string;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [term, setTerm] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useQuery({
    queryKey: ["booking-patient-search", term],
    enabled: term.length >= 2 && !value,
    queryFn: async () => {
      const result = await searchPatientsForBookingAction({ query: term });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });

  if (value) {
    return (
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-medium text-slate-800">Patient</span>
        <div className="flex items-center justify-between gap-3 rounded-md border border-slate-300 px-3 py-2 text-sm">
          <span>
            <span className="font-medium text-slate-900">{value.name}</span>{" "}
            <span className="text-slate-600">
              {value.mrn} · born <ClinicDate date={value.dateOfBirth} />
            </span>
          </span>
          <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
            Change
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>Patient</Label>
      <Input
        id={id}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Name, record number (P-000123), phone or date of birth"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status${error ? ` ${id}-error` : ""}`}
      />
      <p id={`${id}-status`} className="text-xs text-slate-600" aria-live="polite">
        {term.length < 2
          ? "Type at least two characters."
          : search.isFetching
            ? "Searching…"
            : search.isError
              ? search.error.message
              : `${search.data?.total ?? 0} found${(search.data?.total ?? 0) > (search.data?.patients.length ?? 0) ? "; showing the first 25, search more precisely" : ""}.`}
      </p>
      {search.data && search.data.patients.length > 0 && term.length >= 2 ? (
        <ul className="max-h-48 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
          {search.data.patients.map((patient) => (
            <li key={patient.id}>
              <button
                type="button"
                onClick={() => onChange(patient)}
                className="flex w-full flex-col px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-slate-50"
              >
                <span className="font-medium text-slate-900">{patient.name}</span>
                <span className="text-xs text-slate-600">
                  {patient.mrn} · born <ClinicDate date={patient.dateOfBirth} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}
