import type { ActionResult } from "@/lib/actions/result";

/** A server action handed to a client component by its page (the admin actions are inline "use server"). */
export type ServerAction<R> = (input: unknown) => Promise<ActionResult<R>>;

/** What the "My clinics" table can do to a clinic. */
export type ClinicRowActions = {
  open: ServerAction<{ url: string }>;
  suspend: ServerAction<unknown>;
  resume: ServerAction<unknown>;
  remove: ServerAction<unknown>;
};
