import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What one request's use of a clinic client did with connections. A request whose every
 * connection attempt was refused at login sent no statement, so it may safely run again on the
 * clinic's new location (after a move's cut-over) or a fresh client (after a restore's swap).
 */
export type LeaseConnections = { connected: boolean; refused: boolean };

const current = new AsyncLocalStorage<LeaseConnections>();

/** Runs `work` recording its connection attempts in `record`. */
export function recordLeaseConnections<T>(record: LeaseConnections, work: () => Promise<T>): Promise<T> {
  return current.run(record, work);
}

/** Runs `work` outside any request's record (a client's own check of where it connects). */
export function outsideLeaseConnections<T>(work: () => Promise<T>): Promise<T> {
  return current.exit(work);
}

/** The record of the request calling now, to note what its connection attempt ends in. */
export function currentLeaseConnections(): LeaseConnections | undefined {
  return current.getStore();
}

/**
 * Refusals at login that mean "the clinic's database is being swapped or moved": the database closed
 * to new connections (a restore's swap, a move's fencing; SQLSTATE 55000) or the clinic's role no
 * longer logging in there (a move's fencing; 28000). Nothing was sent before either.
 */
export function isRefusedForSwap(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message !== "string") return false;
  return (
    (code === "55000" && message.includes("not currently accepting connections")) ||
    (code === "28000" && message.includes("is not permitted to log in"))
  );
}
