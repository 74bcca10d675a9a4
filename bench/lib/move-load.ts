import { findPatients } from "../../lib/clinic/patients";
import type { CentralDb } from "../../lib/db/central";
import { type LoadRequest, longestGap, type RequestLoad, startRequestLoad } from "./request-load";

type LoadTarget = { central: CentralDb; centralUrl: string; subdomain: string; databaseName: string };

/** When a reader's answer was read (performance.now()) and which server's port gave it. */
export type ReadAnswer = { at: number; port: number };

/**
 * Readers through the app's registry (each a TenantRegistry of its own that hears clinic_changed,
 * as an app process): each request asks which database and server answer, refuses an answer from
 * any database but the clinic's, then searches patients by name as the front desk does.
 */
export function startReaders(target: LoadTarget, clients: number, thinkMs = 20) {
  const answers: ReadAnswer[] = [];
  const load = startRequestLoad({
    central: target.central,
    centralUrl: target.centralUrl,
    subdomains: [target.subdomain],
    clients,
    thinkMs,
    work: async (db) => {
      const at = performance.now();
      const [row] = await db.$queryRaw<{ database: string; port: number }[]>`
        SELECT current_database() AS database, inet_server_port() AS port`;
      if (row?.database !== target.databaseName) throw new Error("answered from another clinic's database");
      await findPatients({ db, query: "Pat7 Bench7", page: 1 });
      answers.push({ at, port: row.port });
    },
  });
  return { load, answers };
}

/** One client registering patients through the registry, 50 ms apart; the MRNs it was answered with. */
export function startCountedWriter(target: LoadTarget) {
  const written: string[] = [];
  let n = 0;
  const load = startRequestLoad({
    central: target.central,
    centralUrl: target.centralUrl,
    subdomains: [target.subdomain],
    clients: 1,
    thinkMs: 50,
    work: async (db) => {
      const patient = await db.patient.create({
        data: { firstName: `Load${n++}`, lastName: "Writer", dateOfBirth: new Date("1990-01-01") },
      });
      written.push(patient.mrn);
    },
  });
  return { load, written };
}

/** The cut-over as the bench saw it: from the cutover step's start until the switch was recorded. */
export type MoveWindow = { from: number; to: number };

/**
 * The failed requests that ended within `span`, split by whether they overlap the window, with
 * their kinds; the longest time a client went without an answer around the window; and the
 * answers the old server gave to requests begun after the switch (there must be none).
 */
export function measureAroundWindow(options: {
  loads: RequestLoad[];
  answers: ReadAnswer[];
  span: MoveWindow;
  window: MoveWindow;
  oldPort: number;
}) {
  const { span, window } = options;
  const logs: LoadRequest[][] = options.loads.flatMap((load) => load.requests());
  let inside = 0;
  let outside = 0;
  let requests = 0;
  const kinds = new Map<string, number>();
  for (const request of logs.flat()) {
    if (request.end < span.from || request.end > span.to) continue;
    requests += 1;
    if (!request.error) continue;
    const overlaps = request.start <= window.to && request.end >= window.from;
    if (overlaps) inside += 1;
    else outside += 1;
    const kind = `${overlaps ? "inside" : "OUTSIDE"}: ${request.error}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return {
    requests,
    inside,
    outside,
    kinds,
    gapMs: longestGap(logs, window.from - 500, window.to + 1_000),
    oldAnswers: options.answers.filter((answer) => answer.at > window.to && answer.port === options.oldPort)
      .length,
  };
}
