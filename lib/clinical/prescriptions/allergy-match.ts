/** Words that join the parts of a combined product's name ("Paracetamol and codeine"), not substances. */
const JOINERS = new Set(["and", "with"]);

/**
 * A name as the words a match compares: accents removed (NFD, marks stripped), lower case, split on
 * spaces and the signs that join a combined product (+ / , -), joining words dropped.
 */
export function nameWords(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[\s+/,\-–&()]+/u)
    .filter((word) => word !== "" && !JOINERS.has(word));
}

/** One name's words as a single key: two lines with the same key are the same medicine by name. */
export function nameKey(name: string): string {
  return nameWords(name).join(" ");
}

/**
 * Whether a medication's name contains an allergy's substance as whole words, consecutive when the
 * substance is several words ("Ibuprofen + Codeine" matches "codeine"; "Sulfasalazine" does not
 * match "Sulfa"). A match by name only: a penicillin allergy does not match amoxicillin.
 */
export function nameContainsSubstance(medicationName: string, substance: string): boolean {
  const words = nameWords(medicationName);
  const wanted = nameWords(substance);
  if (wanted.length === 0) return false;
  for (let start = 0; start + wanted.length <= words.length; start++)
    if (wanted.every((word, offset) => words[start + offset] === word)) return true;
  return false;
}

/** The allergies (by substance) that a medication's name matches. */
export function matchingAllergies<T extends { substance: string }>(
  medicationName: string,
  allergies: T[],
): T[] {
  return allergies.filter((allergy) => nameContainsSubstance(medicationName, allergy.substance));
}
