import { describe, expect, it } from "vitest";
import { NUL_MESSAGE, nulCharacterError } from "./nul-text";

describe("a NUL character in an input", () => {
  it("is refused on the field that holds it, however deep", () => {
    const input = { name: "ok", hours: [{ start: "09:00" }, { start: "10:00\u0000" }] };
    expect(nulCharacterError(input)?.issues).toEqual([
      expect.objectContaining({ path: ["hours", 1, "start"], message: NUL_MESSAGE }),
    ]);
    expect(nulCharacterError("\u0000")?.issues[0]?.path).toEqual([]);
    // biome-ignore lint/suspicious/noSparseArray: a client can send one
    expect(nulCharacterError([, "\u0000"])?.issues[0]?.path).toEqual([1]);
  });

  it("lets everything else through, other control characters and cycles included", () => {
    const cyclic: Record<string, unknown> = { notes: "line one\nline two\t\u0001" };
    cyclic.self = cyclic;
    // biome-ignore lint/suspicious/noSparseArray: a client can send one
    const sparse = [, , "a"];
    for (const input of [cyclic, sparse, null, undefined, 0, [], "\uD800", { "\u0000key": 1 }, new Map()])
      expect(nulCharacterError(input)).toBeNull();
  });
});
