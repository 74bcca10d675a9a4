import { fuzzEveryAction } from "@/lib/testing/fuzz-every-action";

// Half of the actions (the other half in fuzz-every-action-1.test.ts), so both run side by side.
await fuzzEveryAction(1, 2);
