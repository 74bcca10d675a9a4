import { AppError } from "@/lib/errors";

export type ClientSlotsOptions = {
  /** How many clients the connection budget allows (budget / pool size). */
  capacity: number;
  waitTimeoutMs: number;
  /** Slots held by clients now: cached ones and those still closing. */
  held: () => number;
  /** Slots that clients being closed right now will give back soon. */
  freeing: () => number;
  /** Starts closing up to `count` idle clients for waiting requests; returns how many it closes. */
  evictIdle: (count: number) => number;
};

type Waiter = { grant: () => void; fail: (error: Error) => void; blocked: boolean };

const busyError = () =>
  new AppError("UNAVAILABLE", "The clinic service is busy right now. Please try again in a moment.");

/**
 * The connection budget's client slots, handed out in arrival order. A request that finds none free
 * waits (bounded) while idle clients are evicted for it or busy ones finish, never opening more.
 */
export class ClientSlots {
  /** Requests that had to wait for a busy client (not merely for an eviction). */
  waits = 0;
  waitTimeouts = 0;
  private reserved = 0;
  private closed = false;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly options: ClientSlotsOptions) {}

  get waiting(): number {
    return this.waiters.length;
  }

  /** Takes a slot for a client about to be opened; `settle()` once it is open or has failed. */
  reserve(): Promise<void> {
    if (this.waiters.length === 0 && this.free() > 0) {
      this.reserved++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        this.waitTimeouts++;
        reject(busyError());
      }, this.options.waitTimeoutMs);
      const waiter: Waiter = {
        blocked: false,
        grant: () => {
          clearTimeout(timer);
          this.reserved++;
          resolve();
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /** The reserved slot became a client (now counted by `held`) or was given up. */
  settle(): void {
    this.reserved--;
    this.pump();
  }

  /** Hands free slots to waiters in order, and evicts idle clients for those still waiting. */
  pump(): void {
    if (this.closed) return;
    while (this.waiters.length > 0 && this.free() > 0) this.waiters.shift()?.grant();
    const unserved = this.waiters.length - this.options.freeing();
    if (unserved <= 0) return;
    const stillBlocked = unserved - this.options.evictIdle(unserved);
    for (const waiter of this.waiters.slice(this.waiters.length - stillBlocked)) {
      if (!waiter.blocked) this.waits++;
      waiter.blocked = true;
    }
  }

  /** Refuses every waiting request and any further pumping. */
  close(error: Error): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.fail(error);
  }

  private free(): number {
    return this.options.capacity - this.options.held() - this.reserved;
  }
}
