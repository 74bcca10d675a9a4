import { describe, expect, it } from "vitest";
import { expandQuickText, insertAt, quickTextMap } from "./quick-text";

const codes = quickTextMap([
  { code: "nad", body: "No acute distress.", ownerId: null },
  { code: "rrr", body: "Regular rate and rhythm.", ownerId: null },
  { code: "nad", body: "Well, alert, no distress.", ownerId: "me" },
]);

describe("quick text", () => {
  it("expands .code followed by a space, the clinician's own code winning over the clinic's", () => {
    const text = "Exam: .nad ";
    expect(expandQuickText(text, text.length, codes)).toEqual({
      text: "Exam: Well, alert, no distress. ",
      caret: "Exam: Well, alert, no distress. ".length,
    });
  });

  it("expands on Enter in the middle of the text, keeping what follows", () => {
    const text = ".rrr\nmore";
    expect(expandQuickText(text, 5, codes)).toEqual({ text: "Regular rate and rhythm.\nmore", caret: 25 });
  });

  it("leaves unknown codes, words with a dot inside, and other keys alone", () => {
    expect(expandQuickText("See .xyz ", 9, codes)).toBeNull();
    expect(expandQuickText("value1.nad ", 11, codes)).toBeNull();
    expect(expandQuickText("Exam .nad", 9, codes)).toBeNull();
  });

  it("matches codes typed in capitals", () => {
    expect(expandQuickText(".NAD ", 5, codes)?.text).toBe("Well, alert, no distress. ");
  });

  it("inserts a template in place of the selection", () => {
    expect(insertAt("Throat: ?, ears fine", 8, 9, "red")).toEqual({
      text: "Throat: red, ears fine",
      caret: 11,
    });
    expect(insertAt("abc", 99, 120, "d")).toEqual({ text: "abcd", caret: 4 });
  });
});
