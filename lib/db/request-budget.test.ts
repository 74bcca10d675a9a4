import { expect, it } from "vitest";
import { withinRequestBudget } from "./request-budget";

const late = () => new Error("late");
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

it("answers with the work's result when it settles within the budget", async () => {
  await expect(withinRequestBudget(500, late, () => after(20, "rows"))).resolves.toBe("rows");
});

it("gives up with late() once the budget is spent, without waiting for the work", async () => {
  const started = performance.now();
  await expect(withinRequestBudget(100, late, () => after(2_000, "rows"))).rejects.toThrow("late");
  expect(performance.now() - started).toBeLessThan(1_000);
});

it("passes the work's own failure through", async () => {
  await expect(withinRequestBudget(500, late, () => Promise.reject(new Error("refused")))).rejects.toThrow(
    "refused",
  );
});

it("outside a request (a script, a test) gives each call the whole budget", async () => {
  await expect(withinRequestBudget(150, late, () => after(100, 1))).resolves.toBe(1);
  await expect(withinRequestBudget(150, late, () => after(100, 2))).resolves.toBe(2);
});
