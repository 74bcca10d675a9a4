import pg from "pg";
import { type DbTimeouts, pgTimeoutOptions, readDbTimeouts } from "@/lib/db/connection-timeouts";
import { describeConnectionError } from "./connection-error";

export type CentralChangeListenerOptions = {
  /** The central database (never logged: it may hold a password). */
  url: string;
  log?: (line: string) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** DB_* env when omitted; an idle LISTEN connection is asked `SELECT 1` every keepAliveDelayMs. */
  timeouts?: DbTimeouts;
};

/** What one channel's subscriber is told. */
export type ChangeSubscriber = {
  onChange: (payload: string) => void;
  /** After every (re)connection: changes made while nobody listened were missed. */
  onListening: () => void;
};

const CHANNEL = /^[a-z_]{1,63}$/;

/**
 * One dedicated connection to the central database that LISTENs for changes any process makes
 * (triggers NOTIFY on its channels), and reconnects with backoff when it drops.
 */
export class CentralChangeListener {
  /** Completed (re)connections; tests wait on it. */
  connections = 0;
  private readonly options: CentralChangeListenerOptions;
  private readonly timeouts: DbTimeouts;
  private readonly subscribers = new Map<string, ChangeSubscriber>();
  private client?: pg.Client;
  private started = false;
  private closed = false;
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private waiters: Array<() => void> = [];

  constructor(options: CentralChangeListenerOptions) {
    this.options = options;
    this.timeouts = options.timeouts ?? readDbTimeouts();
  }

  /** Sends `channel`'s notifications to `subscriber` from now on (one subscriber per channel). */
  subscribe(channel: string, subscriber: ChangeSubscriber): void {
    if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    this.subscribers.set(channel, subscriber);
    const client = this.client;
    if (client && this.listening) {
      client.query(`LISTEN ${channel}`).catch((error: unknown) => this.dropped(client, error));
    }
  }

  /** Whether notifications arrive now: while not, a cache must not trust what it holds. */
  get listening(): boolean {
    return this.client !== undefined && this.failures === 0 && this.connections > 0;
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
    if (this.listening) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    const client = this.client;
    this.client = undefined;
    for (const resolve of this.waiters.splice(0)) resolve();
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.url,
      ...pgTimeoutOptions(this.timeouts),
      application_name: "central-change-listener",
    });
    this.client = client;
    client.on("notification", (message) => {
      if (message.payload) this.subscribers.get(message.channel)?.onChange(message.payload);
    });
    client.on("error", (error) => this.dropped(client, error));
    client.on("end", () => this.dropped(client));
    try {
      await client.connect();
      for (const channel of this.subscribers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.dropped(client, error);
      return;
    }
    if (this.client !== client) return;
    this.failures = 0;
    this.connections++;
    this.startHeartbeat(client);
    for (const subscriber of this.subscribers.values()) subscriber.onListening();
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /**
   * A LISTEN connection only waits, so it would never notice a server that went silent (a
   * blackholed host answers no keepalive through a proxy either): a periodic query with the
   * client's query timeout does, and its failure starts a reconnect.
   */
  private startHeartbeat(client: pg.Client): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = setInterval(() => {
      if (this.client !== client) return;
      client.query("SELECT 1").catch((error: unknown) => this.dropped(client, error));
    }, this.timeouts.keepAliveDelayMs);
    this.heartbeatTimer.unref();
  }

  private dropped(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.heartbeatTimer);
    client.end().catch(() => {});
    if (this.closed) return;
    const min = this.options.minBackoffMs ?? 100;
    const delay = Math.min(this.options.maxBackoffMs ?? 10_000, min * 2 ** this.failures);
    this.failures++;
    const reason = error ? describeConnectionError(error) : "connection closed";
    this.options.log?.(
      `[central-change-listener] lost the central database (${reason}); retrying in ${delay} ms`,
    );
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }
}
