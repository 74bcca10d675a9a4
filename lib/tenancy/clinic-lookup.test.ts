import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CentralDb } from "../db/central";
import { createTestPlatform, type TestPlatform } from "../testing/platform";
import { ClinicLookup } from "./clinic-lookup";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform();
});

afterAll(async () => {
  await platform?.cleanup();
});

/** The platform's central database, counting the clinic queries that reach it; `hold` delays them. */
function watchedCentral() {
  const watch = { queries: 0, gate: Promise.resolve() };
  const central = platform.central.$extends({
    query: {
      clinic: {
        async findUnique({ args, query }) {
          watch.queries++;
          await watch.gate;
          return query(args);
        },
      },
    },
  }) as unknown as CentralDb;
  const hold = () => {
    let release = () => {};
    watch.gate = new Promise((resolve) => {
      release = resolve;
    });
    return release;
  };
  return { central, watch, hold };
}

describe("ClinicLookup", () => {
  it("answers from its cache until the TTL runs out, then asks the central database again", async () => {
    const { central, watch } = watchedCentral();
    const lookup = new ClinicLookup({ central, ttlMs: 100 });
    expect(await lookup.find("nobody-here")).toBeNull();
    expect(await lookup.find("nobody-here")).toBeNull();
    expect(watch.queries).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await lookup.find("nobody-here")).toBeNull();
    expect(watch.queries).toBe(2);
    expect(lookup).toMatchObject({ hits: 1, misses: 2 });
  });

  it("keeps at most maxEntries answers, dropping the least recently used first", async () => {
    const { central, watch } = watchedCentral();
    const lookup = new ClinicLookup({ central, ttlMs: 60_000, maxEntries: 2 });
    for (const subdomain of ["nobody-a", "nobody-b", "nobody-a", "nobody-c"]) await lookup.find(subdomain);
    expect(watch.queries).toBe(3);

    await lookup.find("nobody-a");
    expect(watch.queries).toBe(3);
    await lookup.find("nobody-b");
    expect(watch.queries).toBe(4);
  });

  it("gives an answer its invalidation overtook to the callers waiting for it, but does not keep it", async () => {
    const { central, watch, hold } = watchedCentral();
    const lookup = new ClinicLookup({ central, ttlMs: 60_000 });
    const release = hold();
    const answer = lookup.find("nobody-here");
    lookup.invalidate("nobody-here");
    release();
    expect(await answer).toBeNull();

    expect(await lookup.find("nobody-here")).toBeNull();
    expect(watch.queries).toBe(2);
  });

  it("keeps nothing with a TTL of 0", async () => {
    const { central, watch } = watchedCentral();
    const lookup = new ClinicLookup({ central, ttlMs: 0 });
    await lookup.find("nobody-here");
    await lookup.find("nobody-here");
    expect(watch.queries).toBe(2);
  });
});
