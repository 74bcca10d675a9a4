import { z } from "zod";

export const SUBDOMAIN_PATTERN = /^[a-z](?:[a-z0-9]|-(?!-)){1,28}[a-z0-9]$/;
export const SUBDOMAIN_MIN_LENGTH = 3;
export const SUBDOMAIN_MAX_LENGTH = 30;

// Names the platform uses itself, or that would mislead people (mail, support) or collide with
// derived database names ("template" would become the template database's name).
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  "www",
  "admin",
  "administrator",
  "super",
  "superadmin",
  "api",
  "app",
  "apps",
  "auth",
  "login",
  "logout",
  "signin",
  "signup",
  "register",
  "account",
  "accounts",
  "dashboard",
  "console",
  "portal",
  "static",
  "assets",
  "cdn",
  "media",
  "mail",
  "email",
  "webmail",
  "smtp",
  "imap",
  "pop",
  "pop3",
  "ftp",
  "sftp",
  "ssh",
  "ns1",
  "ns2",
  "autoconfig",
  "autodiscover",
  "status",
  "help",
  "support",
  "docs",
  "blog",
  "dev",
  "staging",
  "test",
  "demo-admin",
  "billing-admin",
  "internal",
  "root",
  "system",
  "template",
  "postgres",
  "public",
  "localhost",
]);

type SubdomainRule = { isBroken: (value: string) => boolean; message: (value: string) => string };

// Ordered so that the first broken rule gives the most useful advice.
const SUBDOMAIN_RULES: SubdomainRule[] = [
  { isBroken: (value) => value.length === 0, message: () => "Enter a subdomain." },
  {
    isBroken: (value) => [...value].some((char) => char.charCodeAt(0) > 0x7f),
    message: () =>
      "Use plain letters a–z only: the name contains a look-alike or non-ASCII character (for example a Cyrillic or accented letter).",
  },
  {
    isBroken: (value) => /[A-Z]/.test(value),
    message: () => "Use lowercase letters only (a–z): subdomains are not case-sensitive.",
  },
  {
    isBroken: (value) => value.includes("_"),
    message: () => "Underscores are not allowed: use a hyphen instead.",
  },
  {
    isBroken: (value) => /[^a-z0-9-]/.test(value),
    message: () => "Use only lowercase letters, digits and hyphens (no spaces, dots or other symbols).",
  },
  {
    isBroken: (value) => value.length < SUBDOMAIN_MIN_LENGTH,
    message: () => `Too short: use at least ${SUBDOMAIN_MIN_LENGTH} characters.`,
  },
  {
    isBroken: (value) => value.length > SUBDOMAIN_MAX_LENGTH,
    message: () => `Too long: use at most ${SUBDOMAIN_MAX_LENGTH} characters.`,
  },
  {
    isBroken: (value) => value.startsWith("-") || value.endsWith("-"),
    message: () => "A subdomain cannot start or end with a hyphen.",
  },
  {
    isBroken: (value) => !/^[a-z]/.test(value),
    message: () => "A subdomain must start with a letter.",
  },
  {
    isBroken: (value) => value.includes("--"),
    message: () => "A subdomain cannot contain two hyphens in a row.",
  },
  {
    isBroken: (value) => !SUBDOMAIN_PATTERN.test(value),
    message: () => "This is not a valid subdomain.",
  },
  {
    isBroken: (value) => RESERVED_SUBDOMAINS.has(value),
    message: (value) => `"${value}" is reserved by the platform: choose another subdomain.`,
  },
];

export const subdomainSchema = z
  .string({ error: "The subdomain must be text." })
  .superRefine((value, ctx) => {
    const broken = SUBDOMAIN_RULES.find((rule) => rule.isBroken(value));
    if (broken) ctx.addIssue({ code: "custom", message: broken.message(value) });
  });

export type ParsedSubdomain = { ok: true; subdomain: string } | { ok: false; message: string };

export function parseSubdomain(input: unknown): ParsedSubdomain {
  const result = subdomainSchema.safeParse(input);
  if (result.success) return { ok: true, subdomain: result.data };
  return { ok: false, message: result.error.issues[0]?.message ?? "This is not a valid subdomain." };
}

export function isValidSubdomain(input: unknown): input is string {
  return parseSubdomain(input).ok;
}
