import { MigrationError } from "../../lib/db/migrations";
import { ConfigError } from "../../lib/errors";
import { installErrorMessages } from "../../lib/validations/error-map";

/** Errors an operator fixes from the message alone: printed as one line, without a stack. */
const expectedErrors = [ConfigError, MigrationError];

/** Runs a CLI entry point: known errors become one clear line and exit code 1. */
export function runScript(main: () => Promise<number | undefined>): void {
  installErrorMessages();
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (expectedErrors.some((type) => error instanceof type) || isUsageError(error)) {
        console.error(`error: ${(error as Error).message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
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
