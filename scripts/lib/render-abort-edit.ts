// An edit to the React server renderer Next ships (next/dist/compiled): when a render completes,
// React aborts the render's cacheController with an Error("This render completed successfully. …")
// created in the middle of its work loop. V8 keeps that error's unformatted stack: the frames'
// receivers (the setImmediate that ran the work, whose async context is the render) stay reachable
// from the abort signal's reason. Immediates link to each other, so every finished render keeps the
// one before it: a Next process grew by ~65 KB per request under many clinics (bench/RESULTS.md), and
// nothing a page does can avoid it. React's own fix (react#37289, not released) creates the error
// without a stack; this does the same where the error is made. Each place must match exactly once.

const MARKER = "/*clinic-platform:stackless-render-abort*/";
const SENTENCE =
  "This render completed successfully. All cacheSignals are now aborted to allow clean up of any unused resources.";
// `Error("…")` or `new Error("…")`, the whole expression (so `new` does not apply to the replacement).
const PATTERN =
  /(?<![\w$.])(?:new\s+)?Error\(\s*"This render completed successfully\. All cacheSignals are now aborted to allow clean up of any unused resources\."\s*\)/g;

export type RenderAbortEditResult =
  | { kind: "edited"; source: string }
  | { kind: "already" }
  | { kind: "untouched" }
  | { kind: "unknown"; reason: string };

/** The renderer's source with the completed-render abort reason made without a stack. */
export function editRenderAbort(source: string): RenderAbortEditResult {
  if (source.includes(MARKER)) return { kind: "already" };
  if (!source.includes(SENTENCE)) return { kind: "untouched" };
  const matches = source.match(PATTERN)?.length ?? 0;
  if (matches !== 1) return { kind: "unknown", reason: `${matches} places make the error, expected 1` };
  const stackless =
    `(()=>{${MARKER}const l=Error.stackTraceLimit;Error.stackTraceLimit=0;` +
    `try{return Error(${JSON.stringify(SENTENCE)})}finally{Error.stackTraceLimit=l}})()`;
  return { kind: "edited", source: source.replace(PATTERN, () => stackless) };
}

export function isRenderAbortStackless(source: string): boolean {
  return source.includes(MARKER);
}
