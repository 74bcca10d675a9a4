import type { ActionResult } from "@/lib/actions/result";

/** A server action as the pages hand it to client components. */
export type ServerAction<R> = (input: unknown) => Promise<ActionResult<R>>;
