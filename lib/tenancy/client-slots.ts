import { AppError } from "@/lib/errors";

export type ClientSlotsOptions = {
  /** How many clinics may hold connections at once (budget / pool size). */
  capacity: number;
  waitTimeoutMs: number;
  /** Slots held by clinics now, those whose connections are still closing included. */
  held: () => number;
  /** Slots that connections being closed right now will give back soon. */
  freeing: () => number;
  /** Starts closing the connections of up to `count` idle clinics for waiting requests; returns how many. */
  evictIdle: (count: number) => number;
};

type Waiter = { grant: () => void; fail: (error: Error) => void; blocked: boolean };

const busyError = () =>
  new AppError("UNAVAILABLE", "The clinic service is busy right now. Please try again in a moment.");

/**
 * The connection budget's slots, each room for one clinic's pool, handed out in arrival order. A
 * request that finds none free waits (bounded) while an idle clinic's connections are closed for it
 * or busy ones finish, never opening more.
 */
export class ClientSlots {
  /** Requests that had to wait for busy connections (not merely for an eviction). */
  waits = 0;
  waitTimeouts = 0;
  private reserved = 0;
  private closed = false;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly options: ClientSlotsOptions) {}

  get waiting(): number {
    return this.waiters.length;
  }

  /** Takes a slot for a clinic about to connect; `settle()` once it is counted by `held`. */
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

  /** The reserved slot is now counted by `held`. */
  settle(): void {
    this.reserved--;
    this.pump();
  }

  /** Hands free slots to waiters in order, and evicts idle connections for those still waiting. */
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
