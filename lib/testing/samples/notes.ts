import type { Sample } from "../action-samples";

/** Samples for the actions under lib/actions that this area adds (see ACTION_SAMPLES). */
export const NOTES_SAMPLES: [string, Sample][] = [];
