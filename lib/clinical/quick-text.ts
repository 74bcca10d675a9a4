/** A quick text as the editor knows it: what is typed after the dot, and what it becomes. */
export type QuickText = { code: string | null; body: string; ownerId: string | null };

/** Code → phrase; a clinician's own code wins over the clinic's of the same name. */
export function quickTextMap(quickTexts: QuickText[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const text of quickTexts) if (text.code && text.ownerId === null) map.set(text.code, text.body);
  for (const text of quickTexts) if (text.code && text.ownerId !== null) map.set(text.code, text.body);
  return map;
}

/** Text and caret after an edit. */
export type Edited = { text: string; caret: number };

/**
 * After a space or a line break is typed at `caret - 1`: when the word before it is `.code` of a
 * known quick text, that word becomes the phrase (the typed space or line break stays). Null when
 * nothing expands.
 */
export function expandQuickText(text: string, caret: number, codes: Map<string, string>): Edited | null {
  const typed = text[caret - 1];
  if (typed !== " " && typed !== "\n") return null;
  const before = text.slice(0, caret - 1);
  const match = /(^|\s)\.([a-z][a-z0-9]*)$/i.exec(before);
  if (!match?.[2]) return null;
  const phrase = codes.get(match[2].toLowerCase());
  if (phrase === undefined) return null;
  const start = before.length - match[2].length - 1;
  const expanded = `${text.slice(0, start)}${phrase}${text.slice(caret - 1)}`;
  return { text: expanded, caret: start + phrase.length + 1 };
}

/** Puts `insert` in place of the selection [start, end), with the caret after it. */
export function insertAt(text: string, start: number, end: number, insert: string): Edited {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: `${text.slice(0, from)}${insert}${text.slice(to)}`, caret: from + insert.length };
}
