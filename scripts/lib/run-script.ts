import { MigrationError } from "../../lib/db/migrations";
import { AppError, ConfigError } from "../../lib/errors";
import { installErrorMessages } from "../../lib/validations/error-map";

/** Errors an operator acts on from the message alone (a refusal, a setting, a failed migration). */
const expectedErrors = [AppError, ConfigError, MigrationError];

/**
 * Runs a CLI entry point: any failure is one line on stderr and exit code 1. An unexpected error
 * (a bug, or a failure nobody described) says so, and prints its stack only with DEBUG=1: a
 * driver's error can carry row values, which do not belong on a terminal or in a log by default.
 */
export function runScript(main: () => Promise<number | undefined>): void {
  installErrorMessages();
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(failureLine(error));
      if (process.env.DEBUG === "1" && !isExpected(error)) console.error(error);
      process.exit(1);
    },
  );
}

/** The one line a failed command prints. */
export function failureLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (isExpected(error)) return `error: ${message}`;
  return `error: ${firstWords(error, message)} (unexpected; run it again with DEBUG=1 to see where it happened)`;
}

/** The first line that says something: Prisma's messages start with a blank line, a refused connection's AggregateError has none. */
function firstWords(error: unknown, message: string): string {
  const line = message.split("\n").find((text) => text.trim() !== "");
  if (line) return line.trim();
  const inner = error instanceof AggregateError ? (error.errors[0] as Error | undefined)?.message : undefined;
  const code = (error as { code?: unknown }).code;
  return inner ?? (typeof code === "string" ? code : error instanceof Error ? error.name : "no message");
}

function isExpected(error: unknown): boolean {
  return expectedErrors.some((type) => error instanceof type) || isUsageError(error);
}

export class UsageError extends Error {
  override name = "UsageError";
}

function isUsageError(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
  );
}
