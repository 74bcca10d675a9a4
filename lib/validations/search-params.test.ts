import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  firstValues,
  isoDateParam,
  pageParam,
  parseSearchParams,
  textParam,
  uuidParam,
} from "./search-params";

const listQuery = z.object({ q: textParam(100), page: pageParam, date: isoDateParam, doctor: uuidParam });
const DEFAULTS = { q: "", page: 1, date: undefined, doctor: undefined };
const DOCTOR = "0b7e6c1e-4f3a-4c5e-9d7a-2f1e3d4c5b6a";

describe("parseSearchParams", () => {
  it("reads a well-formed query string as typed values", () => {
    expect(
      parseSearchParams(listQuery, { q: " ada ", page: "3", date: "2024-02-29", doctor: DOCTOR }),
    ).toEqual({ q: "ada", page: 3, date: "2024-02-29", doctor: DOCTOR });
  });

  it("falls back to the defaults for a missing or empty query string", () => {
    expect(parseSearchParams(listQuery, {})).toEqual(DEFAULTS);
    expect(parseSearchParams(listQuery, { q: "", page: "", date: "", doctor: "" })).toEqual(DEFAULTS);
  });

  it.each([
    "2023-02-31",
    "2023-02-29",
    "9999-99-99",
    "0000-00-00",
    "2023-13-01",
    "1999-12-31",
    "2100-01-01",
    "2023-1-1",
    "2023-01-01T00:00",
    "today",
  ])("refuses the impossible or out-of-range date %s", (date) => {
    expect(parseSearchParams(listQuery, { date }).date).toBeUndefined();
  });

  it.each([
    "0",
    "-1",
    "1.5",
    "1e9",
    "100001",
    "99999999999999999999",
    "NaN",
    "Infinity",
    "0x10",
    " ",
    "1; DROP TABLE",
  ])("reads the page %j as the first page", (page) => {
    expect(parseSearchParams(listQuery, { page }).page).toBe(1);
  });

  it("takes the first of repeated parameters and ignores unknown ones", () => {
    expect(parseSearchParams(listQuery, { page: ["2", "5"], q: ["x", "y"], other: "z" })).toMatchObject({
      page: 2,
      q: "x",
    });
    expect(parseSearchParams(listQuery, { other: ["a", "b"] })).toEqual(DEFAULTS);
  });

  it("reads control characters (a NUL byte PostgreSQL refuses) as spaces", () => {
    expect(parseSearchParams(listQuery, { q: "Ada\u0000Love\u202e\tlace\u0000" }).q).toBe(
      "Ada Love\u202e lace",
    );
  });

  it("cuts long text to its limit instead of refusing the page", () => {
    const q = parseSearchParams(listQuery, { q: `${"é".repeat(10_000)}'; --` }).q;
    expect(q).toBe("é".repeat(100));
  });

  it("refuses an id that is not a uuid", () => {
    for (const doctor of [
      "1",
      "all'--",
      `${DOCTOR}x`,
      DOCTOR.replaceAll("-", ""),
      "00000000-0000-0000-0000-00000000000g",
    ]) {
      expect(parseSearchParams(listQuery, { doctor }).doctor).toBeUndefined();
    }
  });
});

describe("firstValues", () => {
  it("keeps each parameter's first value and drops undefined ones", () => {
    expect(firstValues({ a: ["1", "2"], b: "3", c: undefined, d: [] })).toEqual({ a: "1", b: "3" });
  });
});
