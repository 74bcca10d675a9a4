import { describe, expect, it } from "vitest";
import {
  formatClinicDate,
  formatClockTime,
  parseClinicDate,
  parseClockTime,
  usualDateOrderOf,
} from "./clock-input";

describe("reading a typed time", () => {
  it("reads the ways staff type a 24-hour time", () => {
    for (const [typed, time] of [
      ["9", "09:00"],
      ["930", "09:30"],
      ["0930", "09:30"],
      ["9:30", "09:30"],
      ["09.30", "09:30"],
      ["18:00", "18:00"],
      ["1805", "18:05"],
      [" 7h15 ", "07:15"],
      ["0", "00:00"],
    ]) {
      expect(parseClockTime(typed as string), typed).toBe(time);
    }
  });

  it("reads am and pm on either clock", () => {
    expect(parseClockTime("2:30 pm")).toBe("14:30");
    expect(parseClockTime("2pm")).toBe("14:00");
    expect(parseClockTime("12 am")).toBe("00:00");
    expect(parseClockTime("12:15 p.m.")).toBe("12:15");
  });

  it("refuses what is no time of day", () => {
    for (const typed of ["", "24:00", "9:60", "13 pm", "noon", "12345", "9:3"]) {
      expect(parseClockTime(typed), typed).toBeNull();
    }
  });

  it("writes a time on the clinic's clock", () => {
    expect(formatClockTime("14:30", false)).toBe("14:30");
    expect(formatClockTime("14:30", true)).toBe("2:30 pm");
    expect(formatClockTime("00:05", true)).toBe("12:05 am");
  });
});

describe("reading a typed date", () => {
  it("reads the clinic's order, and an ISO date whatever the order", () => {
    expect(parseClinicDate("30/11/2026", "DMY")).toBe("2026-11-30");
    expect(parseClinicDate("3.2.1990", "DMY")).toBe("1990-02-03");
    expect(parseClinicDate("11/30/2026", "MDY")).toBe("2026-11-30");
    expect(parseClinicDate("2026-11-30", "DMY")).toBe("2026-11-30");
    expect(parseClinicDate("2026-11-30", "MDY")).toBe("2026-11-30");
    expect(parseClinicDate("2026/1/5", "YMD")).toBe("2026-01-05");
  });

  it("refuses a day that does not exist and a two-digit year", () => {
    expect(parseClinicDate("31/02/2026", "DMY")).toBeNull();
    expect(parseClinicDate("11/30/2026", "DMY")).toBeNull();
    expect(parseClinicDate("01/02/03", "DMY")).toBeNull();
    expect(parseClinicDate("tomorrow", "DMY")).toBeNull();
  });

  it("writes a date in the clinic's order", () => {
    expect(formatClinicDate("2026-11-30", "DMY")).toBe("30/11/2026");
    expect(formatClinicDate("2026-11-30", "MDY")).toBe("11/30/2026");
    expect(formatClinicDate("2026-11-30", "YMD")).toBe("2026-11-30");
    expect(formatClinicDate("", "DMY")).toBe("");
  });
});

describe("a new clinic's date order", () => {
  it("is the one usual in its time zone, day first unless known otherwise", () => {
    expect(usualDateOrderOf("Europe/London")).toBe("DMY");
    expect(usualDateOrderOf("UTC")).toBe("DMY");
    expect(usualDateOrderOf("America/New_York")).toBe("MDY");
    expect(usualDateOrderOf("America/Indiana/Indianapolis")).toBe("MDY");
    expect(usualDateOrderOf("America/Toronto")).toBe("DMY");
    expect(usualDateOrderOf("Asia/Tokyo")).toBe("YMD");
  });
});
