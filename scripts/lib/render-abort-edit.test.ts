import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../lib/db/project-root";
import { editRenderAbort, isRenderAbortStackless } from "./render-abort-edit";

// The renderer's shape where a render completes, minified as in next-server's runtimes.
const RENDERER_SHAPE =
  'function finish(e){0===e.pendingChunks&&(12>e.status&&e.cacheController.abort(Error("This render completed successfully. All cacheSignals are now aborted to allow clean up of any unused resources.")),e.status=14)}';

describe("React's completed-render abort reason, made without a stack", () => {
  it("is so in the page renderers `next start` loads", () => {
    const require = createRequire(path.join(projectRoot, "package.json"));
    for (const name of ["app-page.runtime.prod.js", "app-page-turbo.runtime.prod.js"]) {
      const source = readFileSync(require.resolve(`next/dist/compiled/next-server/${name}`), "utf8");
      expect(isRenderAbortStackless(source), name).toBe(true);
    }
  });

  it("aborts with the same message and no stack frames, and leaves the stack limit as it was", () => {
    const result = editRenderAbort(RENDERER_SHAPE);
    if (result.kind !== "edited") throw new Error(`not edited: ${JSON.stringify(result)}`);
    expect(editRenderAbort(result.source)).toEqual({ kind: "already" });
    // Built with `new` too (a future build may write it so): the whole expression is replaced.
    const withNew = editRenderAbort(RENDERER_SHAPE.replace('abort(Error("', 'abort(new Error("'));
    if (withNew.kind !== "edited") throw new Error(`not edited: ${JSON.stringify(withNew)}`);
    const limit = Error.stackTraceLimit;
    for (const source of [result.source, withNew.source]) {
      const finish = new Function(`${source}; return finish;`)() as (request: object) => void;
      const cacheController = new AbortController();
      finish({ pendingChunks: 0, status: 10, cacheController });
      const reason = cacheController.signal.reason as Error;
      expect(reason).toBeInstanceOf(Error);
      expect(reason.message).toMatch(/^This render completed successfully\./);
      expect(reason.stack).not.toMatch(/\n\s+at /);
      expect(Error.stackTraceLimit).toBe(limit);
    }
    expect(new Error("other").stack).toMatch(/\n\s+at /);
  });

  it("refuses a renderer that makes the error some other way, and leaves others alone", () => {
    const twice = `${RENDERER_SHAPE}${RENDERER_SHAPE.replace("finish", "again")}`;
    expect(editRenderAbort(twice)).toMatchObject({ kind: "unknown" });
    const other = RENDERER_SHAPE.replace('abort(Error("', 'abort(new TypeError("');
    expect(editRenderAbort(other)).toMatchObject({ kind: "unknown" });
    expect(editRenderAbort("function render(){}")).toEqual({ kind: "untouched" });
  });
});
