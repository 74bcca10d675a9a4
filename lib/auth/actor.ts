import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { RequestClient } from "./request-context";
import type { AppSession } from "./session";

/** Who did something, and from where: what every audit row records, in the central and the clinic logs. */
export type Actor = { id: string; email: string; ip: string | null; userAgent: string | null };

/**
 * Someone at a server's command line (`npm run tenant:backup …`): there is no account to name, so
 * the audit row names the command, and the system user and machine it ran as.
 */
export type Operator = { command: string; systemUser: string; host: string };

/** Whether an audit row's actor is an operator at a command line rather than a signed-in person. */
export function isOperator(actor: Actor | Operator): actor is Operator {
  return "command" in actor;
}

/**
 * This process's operator: the npm script it runs as (when npm started this very file) or the
 * script's file name, with its system user and host.
 */
export function commandLineOperator(): Operator {
  const file = path.basename(process.argv[1] ?? "script");
  const npmScript = process.env.npm_lifecycle_event;
  const viaNpm = npmScript && process.env.npm_lifecycle_script?.includes(file);
  // The account the process runs as (not $USER, which anyone can set), and who used sudo to get it.
  let account = "unknown";
  try {
    account = os.userInfo().username;
  } catch {
    // No passwd entry for this uid (a container): "unknown" it stays.
  }
  const sudoer = process.env.SUDO_USER;
  const systemUser = sudoer && sudoer !== account ? `${sudoer} (sudo as ${account})` : account;
  return { command: viaNpm ? `npm run ${npmScript}` : file, systemUser, host: os.hostname() };
}

/** An actor carried in a job's payload (the job audits in the name of whoever asked for it). */
export const actorSchema = z.object({
  id: z.string(),
  email: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
}) satisfies z.ZodType<Actor>;

export function actorOf(session: AppSession, client: RequestClient): Actor {
  return { id: session.user.id, email: session.user.email, ip: client.ip, userAgent: client.userAgent };
}
