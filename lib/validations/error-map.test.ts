import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bookAppointmentSchema, calendarQuerySchema } from "./appointments";
import { clinicSettingsSchema } from "./clinic-settings";
import { doctorProfileSchema, weeklyScheduleSchema } from "./doctors";
import { clinicErrorMessage } from "./error-map";
import { patientSchema } from "./patients";

/** What a receptionist should never read: Zod's own wording, comparison signs, type names. */
const JARGON =
  /expected|received|<=|>=|[<>]\s*\d|invalid input|too (big|small)|unrecognized|nan\b|undefined|\bnull\b|uuid|regex|iso/i;

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

function expectPlainSentences(messages: string[]) {
  for (const message of messages) {
    expect(message, message).not.toMatch(JARGON);
    expect(message, message).toMatch(/^[A-Z“"].*[.!]$/);
  }
}

describe("the clinic's validation messages", () => {
  it("asks for a required field to be filled in, not for a type", () => {
    const messages = messagesOf(z.object({ name: z.string(), count: z.number() }), {});
    expect(messages).toEqual(["Fill in this field.", "Fill in this field."]);
  });

  it("says how long a text may be, in characters, without '<='", () => {
    expect(messagesOf(z.string().max(100), "x".repeat(101))).toEqual([
      "Keep this to 100 characters or fewer.",
    ]);
    expect(messagesOf(z.string().min(2), "x")).toEqual(["Use at least 2 characters."]);
    expect(messagesOf(z.string().min(1), "")).toEqual(["Fill in this field."]);
    expect(messagesOf(z.string().length(3), "xx")).toEqual(["Use exactly 3 characters."]);
  });

  it("gives numbers, lists and dates their own bounds in words", () => {
    expect(messagesOf(z.number().max(10), 11)).toEqual(["Enter a number no higher than 10."]);
    expect(messagesOf(z.number().lt(10), 10)).toEqual(["Enter a number lower than 10."]);
    expect(messagesOf(z.number().min(1), 0)).toEqual(["Enter a number of at least 1."]);
    expect(messagesOf(z.coerce.number(), "abc")).toEqual(["Enter a number."]);
    expect(messagesOf(z.array(z.string()).max(2), ["a", "b", "c"])).toEqual(["Choose no more than 2."]);
    expect(messagesOf(z.array(z.string()).min(1), [])).toEqual(["Choose at least one."]);
    expect(messagesOf(z.date().max(new Date("2026-11-30T00:00:00Z")), new Date("2026-12-01"))).toEqual([
      "Choose a date on or before 30 Nov 2026.",
    ]);
  });

  it("names the format to use for emails, dates, times and ids", () => {
    expect(messagesOf(z.email(), "ben@")).toEqual(["Enter an email address, e.g. name@example.com."]);
    expect(messagesOf(z.iso.date(), "2026-02-30")).toEqual(["Enter a date that exists on the calendar."]);
    expect(messagesOf(z.iso.datetime(), "tomorrow")).toEqual(["Enter a date and a time."]);
    expect(messagesOf(z.uuid(), "42")).toEqual([
      "Choose again from the list: that choice is no longer available.",
    ]);
  });

  it("asks for one of the options, a ticked box, or a fresh page", () => {
    expect(messagesOf(z.enum(["FEMALE", "MALE"]), "X")).toEqual(["Choose one of the options offered."]);
    expect(messagesOf(z.literal(true), false)).toEqual(["Tick this box to go on."]);
    expect(messagesOf(z.strictObject({}), { extra: 1 })).toEqual([
      "This form sent something it does not ask for. Reload the page and try again.",
    ]);
    expect(
      messagesOf(
        z.string().refine(() => false),
        "x",
      ),
    ).toEqual(["Check this field and try again."]);
  });

  it("leaves a schema's own message in place", () => {
    expect(messagesOf(z.string().max(3, "Keep the code to 3 letters."), "abcd")).toEqual([
      "Keep the code to 3 letters.",
    ]);
  });

  it("answers every issue kind Zod has with a plain sentence", () => {
    const kinds: z.core.$ZodRawIssue[] = [
      { code: "invalid_type", expected: "string", input: 4 },
      { code: "invalid_type", expected: "object", input: "x" },
      { code: "too_big", origin: "file", maximum: 10, inclusive: true, input: 0 },
      { code: "too_small", origin: "bigint", minimum: 1n, inclusive: false, input: 0n },
      { code: "invalid_format", format: "regex", input: "x" },
      { code: "invalid_format", format: "starts_with", prefix: "+", input: "x" },
      { code: "not_multiple_of", divisor: 5, input: 3 },
      { code: "invalid_union", errors: [], input: 1 },
      { code: "invalid_key", origin: "record", issues: [], input: 1 },
      { code: "invalid_element", origin: "map", key: "a", issues: [], input: 1 },
      { code: "custom", input: 1 },
    ] as z.core.$ZodRawIssue[];
    expectPlainSentences(kinds.map(clinicErrorMessage));
  });

  it("reads plainly for bad input to the booking, patient, settings and doctor forms", () => {
    const long = "x".repeat(3000);
    expectPlainSentences([
      ...messagesOf(bookAppointmentSchema, {}),
      ...messagesOf(bookAppointmentSchema, { patientId: "1", startsAt: "x", endsAt: 3, reason: long }),
      ...messagesOf(patientSchema, { firstName: long, lastName: "", dateOfBirth: "31/02/1990", sex: "?" }),
      ...messagesOf(patientSchema, { firstName: "A", lastName: "B", dateOfBirth: "1990-01-01", notes: long }),
      ...messagesOf(clinicSettingsSchema, { name: "", timezone: 3, currency: "euro", contactEmail: "x" }),
      ...messagesOf(doctorProfileSchema, { doctorId: "x", calendarColor: "red", defaultSlotMinutes: "a" }),
      ...messagesOf(weeklyScheduleSchema, { doctorId: "x", hours: [{ weekday: 9, start: "25:00" }] }),
      ...messagesOf(calendarQuerySchema.strict(), { view: "month", extra: "1" }),
    ]);
  });
});

/** Every object schema exported from lib/validations, its top-level field names. */
async function exportedObjectSchemas() {
  const folder = import.meta.dirname;
  const found: { name: string; schema: z.ZodType; keys: string[] }[] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const module = (await import(path.join(folder, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType)) continue;
      const keys = keysOf(value);
      if (keys) found.push({ name: `${file}:${name}`, schema: value, keys });
    }
  }
  return found;
}

function keysOf(schema: z.ZodType): string[] | null {
  const def = schema._zod.def as { type: string; shape?: object; in?: z.ZodType; options?: z.ZodType[] };
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  if (def.type === "pipe" && def.in) return keysOf(def.in);
  if (def.type === "union" && def.options?.[0]) return keysOf(def.options[0]);
  return null;
}

describe("every schema in lib/validations", () => {
  it("refuses garbled input in sentences a receptionist understands", async () => {
    const schemas = await exportedObjectSchemas();
    expect(schemas.length).toBeGreaterThan(20);
    const garbage: unknown[] = [undefined, "", 12, "x".repeat(5000), -1, ["a"], { a: 1 }, true, "not-a-date"];
    const jargon = new Set<string>();
    for (const { name, schema, keys } of schemas) {
      for (const value of garbage) {
        const input = Object.fromEntries(keys.map((key) => [key, value]));
        for (const message of messagesOf(schema, input)) {
          if (JARGON.test(message) || !/^[A-Z“"].*[.!]$/.test(message)) jargon.add(`${name}: ${message}`);
        }
      }
    }
    expect([...jargon]).toEqual([]);
  });
});
