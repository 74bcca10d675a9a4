import { fuzzEveryAction } from "@/lib/testing/fuzz-every-action";

// Half of the actions (the other half in fuzz-every-action-2.test.ts), so both run side by side.
await fuzzEveryAction(0, 2);
