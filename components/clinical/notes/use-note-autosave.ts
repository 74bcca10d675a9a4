"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { saveNoteDraftAction } from "@/lib/actions/notes/save-note-draft";
import type { NoteContent } from "@/lib/validations/notes";

/** How long typing must pause before the draft saves itself. */
const DEBOUNCE_MS = 1000;
const MAX_RETRY_MS = 30_000;

export type SaveState =
  | { kind: "saved"; at: Date }
  | { kind: "typing" }
  | { kind: "saving" }
  | { kind: "retrying" }
  | { kind: "refused"; message: string };

type Stored = { revision: number; values: NoteContent };

const keyOf = (noteId: string) => `clinic-note-draft:${noteId}`;
const same = (a: NoteContent, b: NoteContent) =>
  a.subjective === b.subjective &&
  a.objective === b.objective &&
  a.assessment === b.assessment &&
  a.plan === b.plan &&
  a.body === b.body;

function readStored(noteId: string): Stored | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(noteId)) ?? "null") as Stored | null;
    return parsed && typeof parsed.revision === "number" && parsed.values ? parsed : null;
  } catch {
    return null;
  }
}

function writeStored(noteId: string, stored: Stored | null) {
  try {
    if (stored) localStorage.setItem(keyOf(noteId), JSON.stringify(stored));
    else localStorage.removeItem(keyOf(noteId));
  } catch {
    // A full or disabled storage only loses the local copy; the server copy still saves.
  }
}

/**
 * A draft that saves itself: ~1 s after typing stops (and at once on `flush`, on blur or when the
 * tab is hidden), on the revision it was typed on. A dropped connection is retried with backoff;
 * meanwhile the typed text is kept in this browser, so a reload or a closed tab restores it.
 */
export function useNoteAutosave(options: {
  noteId: string;
  revision: number;
  values: NoteContent;
  savedAt: Date;
}) {
  const { noteId } = options;
  const [values, setValuesState] = useState(options.values);
  const [state, setState] = useState<SaveState>({ kind: "saved", at: options.savedAt });
  const [restored, setRestored] = useState(false);
  /** Text kept in this browser from an older revision (saved elsewhere since): offered, not applied. */
  const [orphan, setOrphan] = useState<NoteContent | null>(null);
  const current = useRef(options.values);
  const saved = useRef(options.values);
  const revision = useRef(options.revision);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);
  const retryMs = useRef(1000);
  const stopped = useRef(false);

  const save = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    if (running.current) return running.current;
    if (stopped.current) return Promise.resolve();
    const sending = current.current;
    if (same(sending, saved.current)) return Promise.resolve();
    setState({ kind: "saving" });
    const run = (async () => {
      try {
        const result = await saveNoteDraftAction({ noteId, revision: revision.current, ...sending });
        if (!result.ok) {
          stopped.current = true;
          setState({ kind: "refused", message: result.error.message });
          return;
        }
        revision.current = result.data.revision;
        saved.current = sending;
        retryMs.current = 1000;
        const changedSince = !same(current.current, sending);
        writeStored(noteId, changedSince ? { revision: revision.current, values: current.current } : null);
        setState(changedSince ? { kind: "typing" } : { kind: "saved", at: new Date(result.data.savedAt) });
        if (changedSince) timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
      } catch {
        // The request never got an answer (offline, server restarting): the text stays here; try again.
        setState({ kind: "retrying" });
        const delay = retryMs.current;
        retryMs.current = Math.min(delay * 2, MAX_RETRY_MS);
        timer.current = setTimeout(() => void save(), delay);
      } finally {
        running.current = null;
      }
    })();
    running.current = run;
    return run;
  }, [noteId]);

  const setValues = useCallback(
    (next: NoteContent) => {
      current.current = next;
      setValuesState(next);
      writeStored(noteId, { revision: revision.current, values: next });
      if (stopped.current) return;
      setState((state) => (state.kind === "retrying" ? state : { kind: "typing" }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [noteId, save],
  );

  // Text typed here that never reached the server comes back after a reload or a closed tab.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only once, for the note as the page loaded it
  useEffect(() => {
    const stored = readStored(noteId);
    if (!stored || same(stored.values, options.values)) {
      writeStored(noteId, null);
      return;
    }
    if (stored.revision === options.revision) {
      setRestored(true);
      setValues(stored.values);
    } else setOrphan(stored.values);
  }, [noteId]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === "hidden") void save();
    };
    const onOnline = () => void save();
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("online", onOnline);
      clearTimeout(timer.current);
    };
  }, [save]);

  return {
    values,
    setValues,
    state,
    restored,
    orphan,
    /** Takes the text kept from an older revision in place of the current one (it then saves). */
    takeOrphan: () => {
      if (orphan) setValues(orphan);
      setOrphan(null);
    },
    dismissOrphan: () => {
      setOrphan(null);
      writeStored(noteId, null);
    },
    flush: save,
    /** Waits for a save under way, then hands over the text and revision to sign with. */
    settle: async () => {
      clearTimeout(timer.current);
      if (running.current) await running.current;
      return { values: current.current, revision: revision.current };
    },
    /** After signing: nothing more to save or keep. */
    finish: () => {
      stopped.current = true;
      clearTimeout(timer.current);
      writeStored(noteId, null);
    },
  };
}
