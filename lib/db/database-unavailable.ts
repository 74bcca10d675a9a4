import { AppError } from "../errors";

// Prisma's driver-adapter kinds that mean "the server is not there", not "the query was wrong".
const UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
]);
// P1001 cannot reach, P1003 database missing, P1002/P1008 timed out, P1017 server closed the connection, P2024 pool timeout.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1003", "P1002", "P1008", "P1017", "P2024"]);
const UNREACHABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// SQLSTATE class 08 (connection exception), 57P01–57P03 (shutting down, starting up), 53300 (too many connections), 3D000 (database gone).
const UNREACHABLE_SQLSTATE = /^(08...|57P0[123]|53300|3D000)$/;
// pg's own errors carry no code: these are its messages for timeouts and dropped sockets.
const PG_MESSAGES = [
  "Query read timeout",
  "Connection terminated",
  "timeout exceeded when trying to connect",
  // A lone pg.Client's connect timeout (a pool's says "Connection terminated due to connection timeout").
  "timeout expired",
  "Client has encountered a connection error and is not queryable",
];

/**
 * Whether an error means the database could not be reached or stopped answering (a restart, a
 * blackholed host, a dropped database), rather than that a query failed: the first is worth
 * "try again in a minute", the second is a bug or a refusal. Looks through the error's causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Object && depth < 5; depth++) {
    if (current instanceof AppError) return false;
    if (describesOutage(current as Record<string, unknown>)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function describesOutage(error: Record<string, unknown>): boolean {
  const code = typeof error.code === "string" ? error.code : "";
  const adapter = (error.meta as { driverAdapterError?: { cause?: Record<string, unknown> } } | undefined)
    ?.driverAdapterError?.cause;
  const kind = adapter?.kind ?? error.kind;
  const sqlState = adapter?.originalCode ?? (typeof error.severity === "string" ? code : undefined);
  const message = typeof error.message === "string" ? error.message : "";
  return (
    (typeof kind === "string" && UNREACHABLE_KINDS.has(kind)) ||
    UNREACHABLE_PRISMA_CODES.has(code) ||
    UNREACHABLE_SOCKET_CODES.has(code) ||
    (typeof sqlState === "string" && UNREACHABLE_SQLSTATE.test(sqlState)) ||
    PG_MESSAGES.some((known) => message.startsWith(known))
  );
}

/** Error pages tell an outage from a bug by this start of the digest (messages do not reach the browser). */
export const UNAVAILABLE_DIGEST_PREFIX = "db-unavailable-";

/**
 * An UNAVAILABLE AppError for an outage. Next keeps a thrown error's own `digest` and hands it to
 * the error page, which then shows "temporarily unavailable" instead of "could not be loaded";
 * the random rest still matches a user's report to its log line.
 */
export class DatabaseUnavailableError extends AppError {
  readonly digest = `${UNAVAILABLE_DIGEST_PREFIX}${crypto.randomUUID().slice(0, 8)}`;
  constructor(message: string) {
    super("UNAVAILABLE", message);
  }
}

/** Whether an error page's digest is an outage's. */
export function isUnavailableDigest(digest: string | undefined): boolean {
  return digest?.startsWith(UNAVAILABLE_DIGEST_PREFIX) === true;
}

/** What a clinic's staff see when their clinic's database does not answer. */
export function clinicDatabaseUnavailableError(): AppError {
  return new DatabaseUnavailableError(
    "The clinic's records cannot be reached right now. Please try again in a minute; if it keeps happening, tell your clinic administrator.",
  );
}

/** What anyone sees when the platform's central database does not answer. */
export function centralDatabaseUnavailableError(): AppError {
  return new DatabaseUnavailableError(
    "The clinic service cannot reach its database right now. Please try again in a minute.",
  );
}

/** Seconds a client should wait before retrying a request refused during an outage (Retry-After). */
export const RETRY_AFTER_SECONDS = 30;

/** Headers of a route handler's 503: when to retry, and never cached. */
export const UNAVAILABLE_HEADERS = {
  "Retry-After": String(RETRY_AFTER_SECONDS),
  "Cache-Control": "no-store",
};

/** A route handler's answer during an outage: 503 JSON `{ error: { code, message } }` with Retry-After. */
export function unavailableResponse(error: AppError = centralDatabaseUnavailableError()): Response {
  return Response.json(
    { error: { code: "UNAVAILABLE", message: error.message } },
    { status: 503, headers: UNAVAILABLE_HEADERS },
  );
}
