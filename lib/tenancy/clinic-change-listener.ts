import pg from "pg";
import { describeConnectionError } from "./connection-error";

/** The channel the central `clinics` trigger notifies, with the clinic's subdomain as payload. */
export const CLINIC_CHANGED_CHANNEL = "clinic_changed";

export type ClinicChangeListenerOptions = {
  /** The central database (never logged: it may hold a password). */
  url: string;
  onChange: (subdomain: string) => void;
  /** After every (re)connection: changes made while nobody listened were missed. */
  onListening: () => void;
  log?: (line: string) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
};

/**
 * One dedicated connection to the central database that LISTENs for clinic changes made by any
 * process, and reconnects with backoff when it drops.
 */
export class ClinicChangeListener {
  /** Completed (re)connections; tests wait on it. */
  connections = 0;
  private readonly options: ClinicChangeListenerOptions;
  private client?: pg.Client;
  private started = false;
  private closed = false;
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;
  private waiters: Array<() => void> = [];

  constructor(options: ClinicChangeListenerOptions) {
    this.options = options;
  }

  /** Starts listening (once); resolves when the LISTEN is in place. */
  start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    return this.whenListening();
  }

  /** Resolves as soon as a LISTEN is active (immediately if it is now). */
  whenListening(): Promise<void> {
    if (this.client && this.failures === 0 && this.connections > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    for (const resolve of this.waiters.splice(0)) resolve();
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.url,
      keepAlive: true,
      application_name: "clinic-change-listener",
    });
    this.client = client;
    client.on("notification", (message) => {
      if (message.channel === CLINIC_CHANGED_CHANNEL && message.payload)
        this.options.onChange(message.payload);
    });
    client.on("error", (error) => this.dropped(client, error));
    client.on("end", () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CLINIC_CHANGED_CHANNEL}`);
    } catch (error) {
      this.dropped(client, error);
      return;
    }
    if (this.client !== client) return;
    this.failures = 0;
    this.connections++;
    this.options.onListening();
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private dropped(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => {});
    if (this.closed) return;
    const min = this.options.minBackoffMs ?? 100;
    const delay = Math.min(this.options.maxBackoffMs ?? 10_000, min * 2 ** this.failures);
    this.failures++;
    const reason = error ? describeConnectionError(error) : "connection closed";
    this.options.log?.(
      `[clinic-change-listener] lost the central database (${reason}); retrying in ${delay} ms`,
    );
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }
}
