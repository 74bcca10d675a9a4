import { z } from "zod";
import { ConfigError } from "../errors";

const databaseUrlSchema = z
  .string()
  .trim()
  .min(1, "is empty")
  .refine((value) => URL.canParse(value), "is not a URL (expected postgresql://user@host:port/database)")
  .transform((value) => new URL(value))
  .refine(
    (url) => url.protocol === "postgresql:" || url.protocol === "postgres:",
    "must start with postgresql://",
  )
  .refine((url) => url.hostname !== "", "has no host name")
  .refine((url) => /^\/[^/]+$/.test(url.pathname), "has no database name after the host (…/database)");

/** Parses a PostgreSQL URL, or throws a ConfigError whose one line says what is wrong (never the password). */
export function parseDatabaseUrl(raw: string | undefined, variable = "DATABASE_URL"): URL {
  const result = databaseUrlSchema.safeParse(raw ?? "");
  if (!result.success) {
    const reason = result.error.issues[0]?.message ?? "is invalid";
    throw new ConfigError(
      `${variable} ${reason}. Example: postgresql://postgres@127.0.0.1:5432/clinic_platform`,
    );
  }
  return result.data;
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: URL | string, databaseName: string): string {
  const next = new URL(url.toString());
  next.pathname = `/${encodeURIComponent(databaseName)}`;
  return next.toString();
}

export function databaseNameOf(url: URL | string): string {
  return decodeURIComponent(new URL(url.toString()).pathname.slice(1));
}

/** For messages and logs: the URL without its password. */
export function redactDatabaseUrl(url: URL | string): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = "***";
  return copy.toString();
}
