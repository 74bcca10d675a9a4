"use client";

import { useRouter } from "next/navigation";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useClinicTimeFormat } from "@/components/ui/clinic-clock";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { signNoteAction } from "@/lib/actions/notes/sign-note";
import { expandQuickText, insertAt, type QuickText, quickTextMap } from "@/lib/clinical/quick-text";
import type { NoteKind } from "@/lib/generated/tenant/enums";
import {
  NOTE_KIND_LABELS,
  NOTE_SECTION_LABELS,
  type NoteContent,
  type NoteSection,
} from "@/lib/validations/notes";
import { type SaveState, useNoteAutosave } from "./use-note-autosave";

const SOAP_SECTIONS: NoteSection[] = ["subjective", "objective", "assessment", "plan"];
const SECTION_HINTS: Partial<Record<NoteSection, string>> = {
  subjective: "What the patient reports: complaint, history.",
  objective: "Examination findings and measurements.",
  assessment: "Your impression or diagnosis.",
  plan: "Treatment, tests, advice, follow-up.",
};

export type EditableNote = {
  id: string;
  kind: NoteKind;
  revision: number;
  savedAt: Date;
  values: NoteContent;
};

/**
 * The author's draft: it saves itself while they type, a template goes into the section last
 * focused, `.code` + space expands a quick text, and signing saves the final text and locks it.
 */
export function NoteEditor({
  note,
  timeZone,
  templates,
  quickTexts,
}: {
  note: EditableNote;
  timeZone: string;
  templates: { id: string; name: string; body: string }[];
  quickTexts: QuickText[];
}) {
  const router = useRouter();
  const toast = useToast();
  const draft = useNoteAutosave({
    noteId: note.id,
    revision: note.revision,
    values: note.values,
    savedAt: note.savedAt,
  });
  const codes = useMemo(() => quickTextMap(quickTexts), [quickTexts]);
  const sections = note.kind === "SOAP" ? SOAP_SECTIONS : (["body"] as NoteSection[]);
  const fields = useRef<Partial<Record<NoteSection, HTMLTextAreaElement | null>>>({});
  const focused = useRef<{ section: NoteSection; start: number; end: number }>({
    section: sections[0] ?? "body",
    start: note.values[sections[0] ?? "body"].length,
    end: note.values[sections[0] ?? "body"].length,
  });
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const [signing, setSigning] = useState(false);
  const [signError, setSignError] = useState<string | null>(null);

  const remember = (section: NoteSection, element: HTMLTextAreaElement) => {
    focused.current = { section, start: element.selectionStart, end: element.selectionEnd };
  };

  // Where the caret goes once an expansion or an insertion has rendered: set before the next
  // keystroke is handled, so typing goes on after the inserted text.
  const caretAfterRender = useRef<{ section: NoteSection; caret: number } | null>(null);
  useLayoutEffect(() => {
    const pending = caretAfterRender.current;
    if (!pending) return;
    caretAfterRender.current = null;
    const element = fields.current[pending.section];
    if (!element) return;
    element.focus();
    element.setSelectionRange(pending.caret, pending.caret);
    remember(pending.section, element);
  });

  const place = (section: NoteSection, caret: number) => {
    caretAfterRender.current = { section, caret };
  };

  const change = (section: NoteSection, element: HTMLTextAreaElement) => {
    const expanded = expandQuickText(element.value, element.selectionStart, codes);
    draft.setValues({ ...draft.values, [section]: expanded ? expanded.text : element.value });
    if (expanded) place(section, expanded.caret);
    else remember(section, element);
  };

  const insertTemplate = () => {
    const template = templates.find((item) => item.id === templateId);
    if (!template) return;
    const { section, start, end } = focused.current;
    const edited = insertAt(draft.values[section], start, end, template.body);
    draft.setValues({ ...draft.values, [section]: edited.text });
    place(section, edited.caret);
  };

  const sign = async () => {
    setSigning(true);
    setSignError(null);
    try {
      const { values, revision } = await draft.settle();
      const result = await signNoteAction({ noteId: note.id, revision, ...values });
      if (!result.ok) {
        setSignError(result.error.message);
        return;
      }
      draft.finish();
      toast(`${NOTE_KIND_LABELS[note.kind]} signed.`);
      router.refresh();
    } catch {
      setSignError("Not signed: the connection dropped. Your text is kept here; try again in a moment.");
    } finally {
      setSigning(false);
    }
  };

  return (
    <div className="flex flex-col gap-4">
      {draft.restored ? <Notice tone="info">Restored unsaved text from this browser.</Notice> : null}
      {draft.orphan ? (
        <div className="flex flex-col gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p>This browser kept text that was not saved before the note changed elsewhere.</p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" onClick={draft.takeOrphan}>
              Use the kept text
            </Button>
            <Button size="sm" variant="ghost" onClick={draft.dismissOrphan}>
              Discard it
            </Button>
          </div>
        </div>
      ) : null}
      {templates.length > 0 ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor={`template-${note.id}`} className="text-sm font-medium text-slate-700">
              Template
            </label>
            <Select
              id={`template-${note.id}`}
              value={templateId}
              onChange={(event) => setTemplateId(event.target.value)}
            >
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </Select>
          </div>
          <Button
            variant="secondary"
            onMouseDown={(event) => event.preventDefault()}
            onClick={insertTemplate}
          >
            Insert template
          </Button>
        </div>
      ) : null}
      {sections.map((section) => (
        <label key={section} className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-800">{NOTE_SECTION_LABELS[section]}</span>
          {SECTION_HINTS[section] ? (
            <span className="text-xs text-slate-600">{SECTION_HINTS[section]}</span>
          ) : null}
          <textarea
            ref={(element) => {
              fields.current[section] = element;
            }}
            name={section}
            rows={section === "body" ? 8 : 4}
            value={draft.values[section]}
            onChange={(event) => change(section, event.currentTarget)}
            onSelect={(event) => remember(section, event.currentTarget)}
            onFocus={(event) => remember(section, event.currentTarget)}
            onBlur={() => void draft.flush()}
            className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-2 focus:outline-brand-600/30 sm:text-sm"
          />
        </label>
      ))}
      <p className="text-xs text-slate-600">
        Type a quick text&apos;s code after a dot, then a space (e.g. <kbd className="font-mono">.nad</kbd>).
      </p>
      {draft.state.kind === "refused" ? <Notice>{draft.state.message}</Notice> : null}
      {signError ? <Notice>{signError}</Notice> : null}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3">
        <SaveStatus state={draft.state} timeZone={timeZone} />
        <Button onClick={() => void sign()} disabled={signing}>
          {signing ? "Signing…" : "Sign note"}
        </Button>
      </div>
      <p className="text-xs text-slate-600">Signing locks the note; later corrections are addenda.</p>
    </div>
  );
}

function SaveStatus({ state, timeZone }: { state: SaveState; timeZone: string }) {
  const format = useClinicTimeFormat(timeZone);
  const text = {
    saved: state.kind === "saved" ? `Saved ${format.time(state.at)}` : "",
    typing: "Unsaved changes",
    saving: "Saving…",
    retrying: "Not saved yet — retrying",
    refused: "Not saved",
  }[state.kind];
  return (
    <p
      role="status"
      aria-live="polite"
      className={
        state.kind === "retrying" || state.kind === "refused"
          ? "text-sm font-medium text-amber-800"
          : "text-sm text-slate-600"
      }
    >
      {text}
    </p>
  );
}
