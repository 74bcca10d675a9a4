import { expect, it } from "vitest";
import type { CentralDb } from "../db/central";
import { JOB_KINDS } from "../jobs/queue";
import { platformJobHandlers } from "./job-worker";

it("gives every kind of job a handler, so a worker can take over any job whose process died", () => {
  const handlers = platformJobHandlers({ central: {} as CentralDb });
  expect(JOB_KINDS.filter((kind) => !handlers[kind])).toEqual([]);
});
