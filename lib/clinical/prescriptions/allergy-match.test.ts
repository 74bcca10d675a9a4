import { describe, expect, it } from "vitest";
import { matchingAllergies, nameContainsSubstance, nameKey } from "./allergy-match";

describe("matching a medicine's name to an allergy's substance (a name match only)", () => {
  it("ignores case and accents", () => {
    expect(nameContainsSubstance("AMOXICILLIN", "amoxicillin")).toBe(true);
    expect(nameContainsSubstance("Métamizole", "metamizole")).toBe(true);
    expect(nameContainsSubstance("Codeine", "Codéine")).toBe(true);
  });

  it("finds the substance among the words of a combined product", () => {
    expect(nameContainsSubstance("Paracetamol + codeine", "Codeine")).toBe(true);
    expect(nameContainsSubstance("Amoxicillin/clavulanic acid", "Clavulanic acid")).toBe(true);
    expect(nameContainsSubstance("Paracetamol and codeine", "codeine")).toBe(true);
    expect(nameContainsSubstance("Ibuprofen with famotidine", "famotidine")).toBe(true);
    expect(nameContainsSubstance("Trimethoprim,sulfamethoxazole", "sulfamethoxazole")).toBe(true);
  });

  it("needs a several-word substance as consecutive words", () => {
    expect(nameContainsSubstance("Clavulanic acid", "clavulanic acid")).toBe(true);
    expect(nameContainsSubstance("Acid clavulanic", "clavulanic acid")).toBe(false);
  });

  it("does not match part of an unrelated word", () => {
    expect(nameContainsSubstance("Sulfasalazine", "Sulfa")).toBe(false);
    expect(nameContainsSubstance("Penicillamine", "Penicillin")).toBe(false);
    expect(nameContainsSubstance("Codeine", "Code")).toBe(false);
  });

  it("does not match by drug family: that is beyond a name match", () => {
    expect(nameContainsSubstance("Amoxicillin", "Penicillin")).toBe(false);
    expect(nameContainsSubstance("Co-amoxiclav", "Penicillin")).toBe(false);
  });

  it("returns the allergies a name matches, and none for an empty substance", () => {
    const allergies = [{ substance: "Codeine" }, { substance: "Latex" }, { substance: " " }];
    expect(matchingAllergies("Paracetamol + Codeine", allergies)).toEqual([{ substance: "Codeine" }]);
  });

  it("gives one key to names written differently", () => {
    expect(nameKey("  Paracétamol + Codeine ")).toBe(nameKey("paracetamol and codeine"));
  });
});
