export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAVAILABLE";

/**
 * The one error type that crosses the server boundary: its message is written for the person who
 * sees it (never SQL, a stack or another tenant's name); actions turn it into `{ error }` and route
 * handlers into a status code.
 */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID: 422,
  UNAVAILABLE: 503,
};

/** Configuration the operator must fix (an env variable, a key); scripts print its message alone, no stack. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
