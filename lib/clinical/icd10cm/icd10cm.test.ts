import { describe, expect, it } from "vitest";
import { ICD10CM_CODES } from "./codes";
import { findListedCode, resolveDiagnosisCode, searchIcd10cm } from "./search";
import { checkIcd10cmCode, normaliseIcd10cmCode } from "./structure";

describe("the ICD-10-CM code structure", () => {
  it.each(["C4A.0", "Z3A.01", "S52.521A", "I10", "A09", "T14.8XXA", "W57.XXXA", "E11.9"])(
    "accepts %s",
    (code) => {
      expect(checkIcd10cmCode(code)).toEqual({ ok: true, code });
    },
  );

  it.each([
    ["e119", "E11.9"],
    [" j45.909 ", "J45.909"],
    ["s52521a", "S52.521A"],
    ["c4a0", "C4A.0"],
    ["i10", "I10"],
  ])("normalises %j to %s", (typed, code) => {
    expect(normaliseIcd10cmCode(typed)).toBe(code);
    expect(checkIcd10cmCode(typed)).toEqual({ ok: true, code });
  });

  it.each([
    ["1AB", /starts with a letter/],
    ["A1", /3 to 7 characters/],
    ["A12345678", /3 to 7 characters/],
    ["AB1.2", /second character .* is a digit/],
    ["", /Enter a diagnosis code/],
    ["E1.19", /dot after the third character/],
    ["E11.", /dot after the third character/],
    ["E11..9", /dot after the third character/],
    ["E11-9", /letters and digits only/],
    ["J45.9O9$", /3 to 7 characters|letters and digits/],
  ])("refuses %j with a message", (typed, message) => {
    const checked = checkIcd10cmCode(typed);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });

  it("ships a few hundred listed codes, each fitting the structure once", () => {
    const codes = ICD10CM_CODES.map(([code]) => code);
    expect(codes.length).toBeGreaterThanOrEqual(300);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(checkIcd10cmCode(code)).toEqual({ ok: true, code });
  });
});

describe("resolving a code to record", () => {
  it("takes a listed code's title from the list, whatever the doctor wrote", () => {
    expect(resolveDiagnosisCode({ code: "j45909", title: "anything" })).toEqual({
      ok: true,
      code: "J45.909",
      title: "Unspecified asthma, uncomplicated",
      inCodeList: true,
      codeSystem: "ICD-10-CM FY2026",
    });
  });

  it("accepts a code that fits but is not listed, flagged, with the doctor's title", () => {
    expect(
      resolveDiagnosisCode({ code: "S52.521A", title: "Torus fracture of lower end of right radius" }),
    ).toEqual({
      ok: true,
      code: "S52.521A",
      title: "Torus fracture of lower end of right radius",
      inCodeList: false,
      codeSystem: "ICD-10-CM FY2026",
    });
  });

  it("asks for a title for an unlisted code, and explains a malformed one", () => {
    expect(resolveDiagnosisCode({ code: "C4A.0" })).toMatchObject({ ok: false, field: "title" });
    expect(resolveDiagnosisCode({ code: "AB1.2", title: "x" })).toMatchObject({ ok: false, field: "code" });
  });
});

describe("searching the list as the doctor types", () => {
  it("finds codes by their beginning, with or without the dot", () => {
    expect(searchIcd10cm("J45").map((entry) => entry.code)).toContain("J45.909");
    expect(searchIcd10cm("j4590").map((entry) => entry.code)).toEqual(["J45.901", "J45.909"]);
    expect(searchIcd10cm("E11.6").map((entry) => entry.code)).toEqual(["E11.65", "E11.69"]);
  });

  it("finds titles by the beginnings of their words, every word matching", () => {
    const results = searchIcd10cm("asth unc");
    expect(results.map((entry) => entry.code)).toEqual(["J45.20", "J45.30", "J45.40", "J45.909"]);
    expect(searchIcd10cm("hypertension")[0]).toEqual({
      code: "I10",
      title: "Essential (primary) hypertension",
    });
    expect(searchIcd10cm("Otitis media left")).toEqual([
      { code: "H66.92", title: "Otitis media, unspecified, left ear" },
    ]);
  });

  it("returns nothing for an empty or unmatched query, and at most the limit", () => {
    expect(searchIcd10cm("   ")).toEqual([]);
    expect(searchIcd10cm("zzzz qqq")).toEqual([]);
    expect(searchIcd10cm("encounter").length).toBe(20);
    expect(searchIcd10cm("encounter", 5).length).toBe(5);
  });

  it("looks up a listed code in any spelling", () => {
    expect(findListedCode("i10")).toEqual({ code: "I10", title: "Essential (primary) hypertension" });
    expect(findListedCode("C4A.0")).toBeNull();
  });
});
