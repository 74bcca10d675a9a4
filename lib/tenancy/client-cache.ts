import type { TenantClient } from "./tenant-client";

export type ClientCacheOptions = {
  /** Most clients kept: beyond it the least recently leased idle ones are closed. */
  capacity: number;
  /** A retired client has closed all its sockets. */
  onClosed: (client: TenantClient) => void;
};

/**
 * The warm clinic clients this process keeps, by subdomain, least recently leased first, at most
 * `capacity` of them (each holds its Prisma client's query compiler: heap, not connections), and the
 * retired ones (invalidated or evicted) until their sockets are gone. Only idle clients are evicted;
 * a retired client still leased closes when its last lease ends. With every client leased the cache
 * holds more for a moment, and trims once they are released.
 */
export class ClientCache {
  /** Idle clients closed to stay within the capacity. */
  evictions = 0;
  private readonly live = new Map<string, TenantClient>();
  private readonly retired = new Set<TenantClient>();
  private closed = false;

  constructor(private readonly options: ClientCacheOptions) {}

  get size(): number {
    return this.live.size;
  }

  /** Every client that may hold connections, live or retired. */
  all(): TenantClient[] {
    return [...this.live.values(), ...this.retired];
  }

  /** The live clients, least recently leased first. */
  leastRecentlyUsed(): IterableIterator<TenantClient> {
    return this.live.values();
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

  /** A client just made, leased by the request that asked for it; the least recently used idle one goes if there is no room. */
  add(client: TenantClient): void {
    this.live.set(client.subdomain, client);
    client.leases = 1;
    this.trim();
  }

  release(client: TenantClient): void {
    client.leases--;
    client.lastUsedAt = Date.now();
    if (client.leases > 0) return;
    if (this.retired.has(client)) this.closeRetired(client);
    else this.trim();
  }

  /** Takes a client out of service: closed now when no lease holds it, else when the last one ends. */
  retire(client: TenantClient): void {
    if (this.live.get(client.subdomain) === client) this.live.delete(client.subdomain);
    if (this.retired.has(client) || this.closed) return;
    this.retired.add(client);
    client.retire();
    if (client.leases === 0) this.closeRetired(client);
  }

  /** Closes every client, leased or not; for shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    const clients = this.all();
    this.live.clear();
    await Promise.all(clients.map((client) => client.close()));
  }

  private trim(): void {
    for (const client of this.live.values()) {
      if (this.live.size <= this.options.capacity) return;
      if (!client.isIdle()) continue;
      this.evictions++;
      this.retire(client);
    }
  }

  private closeRetired(client: TenantClient): void {
    if (client.isClosing) return;
    void client.close().finally(() => {
      this.retired.delete(client);
      this.options.onClosed(client);
    });
  }
}
