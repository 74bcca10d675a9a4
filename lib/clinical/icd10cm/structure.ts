/**
 * The shape of an ICD-10-CM code: 3 to 7 characters, a letter, a digit, then a digit or a letter
 * (C4A, Z3A), an optional dot after the third, and up to four letters or digits (X as a
 * placeholder before a 7th-character extension: T14.8XXA).
 */
const CODE_SHAPE = /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;

export type CodeCheck = { ok: true; code: string } | { ok: false; message: string };

/** Upper case, no spaces, and the dot after the third character (e11.9, E119 and " E11.9 " are E11.9). */
export function normaliseIcd10cmCode(text: string): string {
  const compact = text.trim().toUpperCase().replace(/\s+/g, "");
  if (compact.includes(".") || compact.length <= 3) return compact;
  return `${compact.slice(0, 3)}.${compact.slice(3)}`;
}

/** The code normalised, or why it cannot be an ICD-10-CM code, in words for the person typing it. */
export function checkIcd10cmCode(text: string): CodeCheck {
  const code = normaliseIcd10cmCode(text);
  const characters = code.replace(".", "");
  if (characters.length === 0) return { ok: false, message: "Enter a diagnosis code, e.g. J06.9." };
  if (!/^[A-Z]/.test(characters))
    return { ok: false, message: "An ICD-10-CM code starts with a letter, e.g. J06.9." };
  if (characters.length < 3 || characters.length > 7)
    return { ok: false, message: "An ICD-10-CM code has 3 to 7 characters, e.g. J06.9 or S52.521A." };
  if (!/^[A-Z][0-9]/.test(characters))
    return { ok: false, message: "The second character of an ICD-10-CM code is a digit, e.g. J06.9." };
  if (!CODE_SHAPE.test(code))
    return {
      ok: false,
      message: "Use letters and digits only, with the dot after the third character, e.g. S52.521A.",
    };
  return { ok: true, code };
}
