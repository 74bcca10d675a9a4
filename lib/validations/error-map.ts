import { z } from "zod";

/**
 * Zod's words for a refused value, as a receptionist reads them: what to do with the field, never
 * "Too big: expected string to have <=100 characters". A schema's own message still wins; this
 * speaks only where a schema gave none. Installed once per process by installErrorMessages().
 */
type Issue = z.core.$ZodRawIssue;

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function plural(count: number | bigint, one: string, many: string): string {
  return `${count} ${Number(count) === 1 ? one : many}`;
}

function dateOf(bound: number | bigint | Date): string {
  return dateFormat.format(bound instanceof Date ? bound : new Date(Number(bound)));
}

function tooBig(issue: Extract<Issue, { code: "too_big" }>): string {
  const max = issue.maximum;
  // `< 100` is "at most 99" for whole counts; a decimal bound keeps its "less than".
  const most = issue.inclusive || typeof max !== "number" ? max : Number.isInteger(max) ? max - 1 : max;
  const exact = Boolean(issue.exact);
  switch (issue.origin) {
    case "string":
      return exact
        ? `Use exactly ${plural(max, "character", "characters")}.`
        : `Keep this to ${plural(most, "character", "characters")} or fewer.`;
    case "array":
    case "set":
      return exact ? `Choose exactly ${max}.` : `Choose no more than ${most}.`;
    case "date":
      return `Choose a date on or before ${dateOf(max)}.`;
    case "file":
      return "Choose a smaller file.";
    default:
      return issue.inclusive ? `Enter a number no higher than ${max}.` : `Enter a number lower than ${max}.`;
  }
}

function tooSmall(issue: Extract<Issue, { code: "too_small" }>): string {
  const min = issue.minimum;
  const least = issue.inclusive || typeof min !== "number" ? min : Number.isInteger(min) ? min + 1 : min;
  const exact = Boolean(issue.exact);
  switch (issue.origin) {
    case "string":
      if (Number(least) <= 1) return "Fill in this field.";
      return exact
        ? `Use exactly ${plural(min, "character", "characters")}.`
        : `Use at least ${plural(least, "character", "characters")}.`;
    case "array":
    case "set":
      if (Number(least) <= 1) return "Choose at least one.";
      return exact ? `Choose exactly ${min}.` : `Choose at least ${least}.`;
    case "date":
      return `Choose a date on or after ${dateOf(min)}.`;
    case "file":
      return "Choose a file that is not empty.";
    default:
      return issue.inclusive ? `Enter a number of at least ${min}.` : `Enter a number higher than ${min}.`;
  }
}

function wrongType(issue: Extract<Issue, { code: "invalid_type" }>): string {
  if (issue.input === undefined || issue.input === null || issue.input === "") return "Fill in this field.";
  switch (issue.expected) {
    case "number":
    case "int":
    case "bigint":
      return "Enter a number.";
    case "date":
      return "Enter a date.";
    case "boolean":
      return "Tick the box or leave it clear.";
    case "array":
    case "set":
      return "Choose one or more from the list.";
    default:
      return "Fill in this field again: what it holds cannot be read.";
  }
}

const formatMessages: Record<string, string> = {
  email: "Enter an email address, e.g. name@example.com.",
  url: "Enter a web address, e.g. https://example.com.",
  date: "Enter a date that exists on the calendar.",
  datetime: "Enter a date and a time.",
  time: "Enter a time such as 9:30 or 14:00.",
  e164: "Enter a phone number with its country code, e.g. +44 20 7946 0000.",
};

function wrongFormat(issue: Extract<Issue, { code: "invalid_format" }>): string {
  const known = formatMessages[issue.format];
  if (known) return known;
  // Ids come from pickers and links, never from typing: a bad one is a stale choice.
  if (
    ["uuid", "uuidv4", "uuidv6", "uuidv7", "guid", "cuid", "cuid2", "ulid", "nanoid"].includes(issue.format)
  ) {
    return "Choose again from the list: that choice is no longer available.";
  }
  if (issue.format === "starts_with" && "prefix" in issue) return `Start this with “${issue.prefix}”.`;
  if (issue.format === "ends_with" && "suffix" in issue) return `End this with “${issue.suffix}”.`;
  if (issue.format === "includes" && "includes" in issue) return `Include “${issue.includes}” in this field.`;
  return "Check what is typed here: it is not in a form this field takes.";
}

/** The sentence for one issue, or undefined to leave the schema's own message in place. */
export function clinicErrorMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return wrongType(issue);
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_format":
      return wrongFormat(issue);
    case "invalid_value":
      return issue.values.length === 1 && issue.values[0] === true
        ? "Tick this box to go on."
        : "Choose one of the options offered.";
    case "not_multiple_of":
      return `Enter a multiple of ${issue.divisor}.`;
    case "unrecognized_keys":
      return "This form sent something it does not ask for. Reload the page and try again.";
    case "invalid_union":
      return "Choose one of the options offered, or check what is typed here.";
    case "invalid_key":
    case "invalid_element":
      return "Check each entry in this list.";
    default:
      return "Check this field and try again.";
  }
}

/** Sets the messages for every schema in this JavaScript realm (server, browser, test worker). */
export function installErrorMessages(): void {
  z.config({ customError: clinicErrorMessage });
}
