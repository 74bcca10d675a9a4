/**
 * A failed query, told by its codes alone. Prisma's errors repeat the query's text and parameters
 * (a searched name, a date of birth) in their message, stack, `meta` and `cause`, and Next prints
 * whatever error a page throws to the server log: this one carries nothing a person typed.
 */
export class DatabaseError extends Error {
  override name = "DatabaseError";
  constructor(
    /** Prisma's error code (P2010, …) or the error's class when it has none. */
    readonly code: string,
    /** PostgreSQL's SQLSTATE (22008, 23505, …) when the database refused the query. */
    readonly sqlState?: string,
  ) {
    super(`A database query failed (${sqlState ? `${code}, SQLSTATE ${sqlState}` : code}).`);
  }
}

/** The error itself, unless it is a database error: then a DatabaseError with its codes only. */
export function cleanDatabaseError(error: unknown): unknown {
  if (!(error instanceof Error) || !isDatabaseError(error)) return error;
  const { code } = error as { code?: unknown };
  return new DatabaseError(typeof code === "string" && code ? code : error.name, sqlStateOf(error));
}

function isDatabaseError(error: Error): boolean {
  // By name: the central and tenant clients are generated apart, and pg's own error has no class of its own to test.
  return (
    error.name.startsWith("PrismaClient") ||
    error.name === "DriverAdapterError" ||
    ("severity" in error && typeof (error as { code?: unknown }).code === "string")
  );
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function sqlStateOf(error: Error): string | undefined {
  const candidates = [
    // pg's own error: its code is the SQLSTATE (Prisma's P2010 only looks like one).
    "severity" in error ? (error as { code?: unknown }).code : undefined,
    (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta
      ?.driverAdapterError?.cause?.originalCode,
    (error as { cause?: { originalCode?: unknown } }).cause?.originalCode,
  ];
  return candidates.find((value): value is string => typeof value === "string" && SQLSTATE.test(value));
}
