import type { TenantClient } from "./tenant-client";

export type ClientCacheOptions = {
  /** A client nobody used for this long is closed. */
  idleTtlMs: number;
  /** A retired client has closed all its sockets: its slot is free. */
  onClosed: () => void;
};

/**
 * The clinic clients this process holds: live ones by subdomain, least recently leased first, and
 * retired ones (invalidated, evicted or expired) that keep their slot until their sockets are gone.
 * Only idle clients are evicted or expired; a retired client still leased closes when its last
 * lease ends.
 */
export class ClientCache {
  /** Idle clients closed to make room for another clinic's. */
  evictions = 0;
  private readonly live = new Map<string, TenantClient>();
  private readonly retired = new Set<TenantClient>();
  private closing = 0;
  private closed = false;
  private sweepTimer?: NodeJS.Timeout;

  constructor(private readonly options: ClientCacheOptions) {}

  get size(): number {
    return this.live.size;
  }

  /** Budget slots taken: live clients and retired ones not closed yet. */
  get held(): number {
    return this.live.size + this.retired.size;
  }

  /** Retired clients closing right now: their slots come back soon. */
  get freeing(): number {
    return this.closing;
  }

  /** Every client that may hold connections, live or retired. */
  all(): TenantClient[] {
    return [...this.live.values(), ...this.retired];
  }

  find(subdomain: string): TenantClient | undefined {
    return this.live.get(subdomain);
  }

  /** One more lease on a live client, which becomes the most recently used. */
  lease(client: TenantClient): void {
    this.live.delete(client.subdomain);
    this.live.set(client.subdomain, client);
    client.leases++;
  }

  /** A client just opened, already leased by every request that asked for it. */
  add(client: TenantClient, leases: number): void {
    this.live.set(client.subdomain, client);
    client.leases = leases;
  }

  release(client: TenantClient): void {
    client.leases--;
    client.lastUsedAt = Date.now();
    if (client.leases === 0 && this.retired.has(client)) this.closeRetired(client);
  }

  /** Takes a client out of service: closed now when no lease holds it, else when the last one ends. */
  retire(client: TenantClient): void {
    if (this.live.get(client.subdomain) === client) this.live.delete(client.subdomain);
    if (this.retired.has(client) || this.closed) return;
    this.retired.add(client);
    client.retire();
    if (client.leases === 0) this.closeRetired(client);
  }

  /** Retires up to `count` idle clients, least recently leased first; returns how many. */
  evictIdle(count: number): number {
    let evicted = 0;
    for (const client of this.live.values()) {
      if (evicted === count) break;
      if (!client.isIdle()) continue;
      this.evictions++;
      this.retire(client);
      evicted++;
    }
    return evicted;
  }

  /** Starts retiring clients left idle for the idle TTL. */
  startSweeping(): void {
    const every = Math.min(30_000, Math.max(10, Math.floor(this.options.idleTtlMs / 2)));
    this.sweepTimer = setInterval(() => this.sweep(), every);
    this.sweepTimer.unref();
  }

  /** Stops sweeping and closes every client, leased or not; for shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    const clients = this.all();
    this.live.clear();
    await Promise.all(clients.map((client) => client.close()));
  }

  private sweep(): void {
    const now = Date.now();
    for (const client of [...this.live.values()]) {
      if (client.isIdle() && now - client.lastUsedAt >= this.options.idleTtlMs) this.retire(client);
    }
  }

  private closeRetired(client: TenantClient): void {
    if (client.isClosing) return;
    this.closing++;
    void client.close().finally(() => {
      this.closing--;
      this.retired.delete(client);
      this.options.onClosed();
    });
  }
}
