import { parseSubdomain } from "@/lib/validations/subdomain";

const PREFIX_PATTERN = /^[a-z][a-z0-9_]{0,15}$/;
const IDENTIFIER_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;
// PostgreSQL silently truncates longer identifiers, which could make two names collide.
const MAX_IDENTIFIER_BYTES = 63;

type NameOptions = { env?: Readonly<Record<string, string | undefined>> };

// Lets two platforms (a test run beside a demo) share one PostgreSQL server without collisions.
export function getTenantNamePrefix({ env = process.env }: NameOptions = {}): string {
  const prefix = env.TENANT_NAME_PREFIX ?? "";
  if (prefix === "") return "";
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new Error("TENANT_NAME_PREFIX must match ^[a-z][a-z0-9_]{0,15}$ (for example test_), or be unset.");
  }
  return prefix;
}

export function clinicDatabaseName(subdomain: string, options: NameOptions = {}): string {
  return deriveClinicName(subdomain, "db", options);
}

export function clinicRoleName(subdomain: string, options: NameOptions = {}): string {
  return deriveClinicName(subdomain, "role", options);
}

export function templateDatabaseName(options: NameOptions = {}): string {
  return checkIdentifierLength(`${getTenantNamePrefix(options)}clinic_template_db`);
}

export function quoteIdent(name: string): string {
  if (typeof name !== "string" || !IDENTIFIER_PATTERN.test(name)) {
    throw new Error("Refusing to quote an identifier that is not a lowercase PostgreSQL name (a-z, 0-9, _).");
  }
  return `"${name}"`;
}

// Only for DDL that cannot take bind parameters, such as PASSWORD '...'.
export function quoteLiteral(value: string): string {
  if (typeof value !== "string") throw new Error("Refusing to quote a literal that is not a string.");
  if (value.includes("\0")) throw new Error("Refusing to quote a literal that contains a NUL byte.");
  const quoted = `'${value.replaceAll("'", "''")}'`;
  // E'' keeps backslashes literal whatever standard_conforming_strings is set to.
  return value.includes("\\") ? `E${quoted.replaceAll("\\", "\\\\")}` : quoted;
}

function deriveClinicName(subdomain: string, suffix: "db" | "role", options: NameOptions): string {
  const parsed = parseSubdomain(subdomain);
  if (!parsed.ok)
    throw new Error(`Cannot derive a database name from an invalid subdomain: ${parsed.message}`);
  // Subdomains cannot hold underscores, so mapping - to _ cannot make two clinics collide.
  const stem = parsed.subdomain.replaceAll("-", "_");
  return checkIdentifierLength(`${getTenantNamePrefix(options)}clinic_${stem}_${suffix}`);
}

function checkIdentifierLength(name: string): string {
  if (new TextEncoder().encode(name).length > MAX_IDENTIFIER_BYTES) {
    throw new Error(`Derived PostgreSQL name is longer than ${MAX_IDENTIFIER_BYTES} bytes.`);
  }
  return name;
}
