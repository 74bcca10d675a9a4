import { ICD10CM_CODES, ICD10CM_EDITION } from "./codes";
import { checkIcd10cmCode, normaliseIcd10cmCode } from "./structure";

export type CodeEntry = { code: string; title: string };

type Indexed = CodeEntry & { compact: string; words: string[] };

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter(Boolean);

// Built once per server process: a few hundred rows, searched in memory on every keystroke.
const INDEX: Indexed[] = ICD10CM_CODES.map(([code, title]) => ({
  code,
  title,
  compact: code.replace(".", ""),
  words: wordsOf(title),
}));
const BY_CODE = new Map(INDEX.map((entry) => [entry.code, entry]));

export const CODE_SEARCH_LIMIT = 20;

/** The listed entry for a code (in any spelling: e119, E11.9), or null. */
export function findListedCode(text: string): CodeEntry | null {
  const entry = BY_CODE.get(normaliseIcd10cmCode(text));
  return entry ? { code: entry.code, title: entry.title } : null;
}

/**
 * The list's entries for what a doctor is typing: a code's beginning ("J45", "e11.6") or words
 * that each begin a word of the title ("asth unsp"), codes in order; at most `limit`.
 */
export function searchIcd10cm(query: string, limit = CODE_SEARCH_LIMIT): CodeEntry[] {
  const text = query.trim().slice(0, 100);
  if (text === "") return [];
  const results: Indexed[] = [];
  if (/^[a-z][0-9][0-9a-z]?\.?[0-9a-z]{0,4}$/i.test(text)) {
    const prefix = text.toUpperCase().replace(".", "");
    for (const entry of INDEX) if (entry.compact.startsWith(prefix)) results.push(entry);
  }
  if (results.length === 0) {
    const terms = wordsOf(text).slice(0, 6);
    if (terms.length === 0) return [];
    for (const entry of INDEX)
      if (terms.every((term) => entry.words.some((word) => word.startsWith(term)))) results.push(entry);
  }
  return results
    .sort((a, b) => a.compact.localeCompare(b.compact))
    .slice(0, limit)
    .map(({ code, title }) => ({ code, title }));
}

export type ResolvedCode =
  | { ok: true; code: string; title: string; inCodeList: boolean; codeSystem: string }
  | { ok: false; field: "code" | "title"; message: string };

/**
 * A code as it will be recorded: a listed one with the list's title; any other code that fits
 * the structure with the title the doctor wrote (required), flagged not in the list.
 */
export function resolveDiagnosisCode(options: {
  code: string;
  title?: string | null;
  codeSystem?: string;
}): ResolvedCode {
  const codeSystem = options.codeSystem ?? ICD10CM_EDITION;
  const checked = checkIcd10cmCode(options.code);
  if (!checked.ok) return { ok: false, field: "code", message: checked.message };
  const listed = BY_CODE.get(checked.code);
  if (listed) return { ok: true, code: listed.code, title: listed.title, inCodeList: true, codeSystem };
  const title = options.title?.trim();
  if (!title)
    return {
      ok: false,
      field: "title",
      message: `${checked.code} is not in the clinic's list: write what it means (its title) to record it.`,
    };
  return { ok: true, code: checked.code, title, inCodeList: false, codeSystem };
}
