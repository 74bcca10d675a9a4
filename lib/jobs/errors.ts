import { AppError } from "../errors";

/** This attempt is no longer the job's current one: its worker was taken for dead. It must stop. */
export class SupersededError extends Error {
  override name = "SupersededError";
  constructor() {
    super("This attempt was superseded by another; it changes nothing more.");
  }
}

/** The worker is stopping (a deploy): the attempt hands its job back at a step boundary. */
export class ReleasedError extends Error {
  override name = "ReleasedError";
  constructor() {
    super("The worker is stopping; the job goes back to the queue.");
  }
}

const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

/**
 * Worth trying again later: the database could not be reached or was restarting. Anything else
 * (an SQL error, a refusal) would fail the same way again.
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (TRANSIENT_CODES.has(code)) return true;
    // SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting up).
    if (/^08|^57P0[1-3]$/.test(code)) return true;
  }
  return /Connection terminated|timeout expired/i.test(error.message);
}

/** One sentence for the console: an AppError's message, else the first line of the error's. */
export function describeJobError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const sentence = message.split("\n")[0]?.trim() || "unknown error";
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
