import type { AppErrorCode } from "../errors";

/** What every server action returns: the form shows `error.fields` inline and `error.message` as a toast. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: AppErrorCode; message: string; fields?: Record<string, string> } };
