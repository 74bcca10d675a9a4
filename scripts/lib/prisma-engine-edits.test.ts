import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../lib/db/project-root";
import { isEngineShared, sharePrismaEngine } from "./prisma-engine-edits";

// The shape of the four places in Prisma's minified runtime, with the runtime's own names.
const RUNTIME_SHAPE = [
  "var Gr=class e{#e;#t;#r;constructor(t,r){this.#e=t,this.#r=r}static deserialize(t,r){let n=Na(t);return new e(n,r)}};",
  "var cn=class{#e;#t;#r;constructor(t=1e3){this.#r=t}};",
  "class Engine{#m(f){return f()}constructor(t){this.datamodel=t.inlineSchema,",
  "this.cache=t.queryPlanCacheMaxSize===0?void 0:new cn(t.queryPlanCacheMaxSize)}",
  "compiler(r,n,i){return this.#m(()=>new r({datamodel:this.datamodel,provider:n,connectionInfo:i}),void 0,!1)}}",
].join("");

function loadShape(source: string) {
  const decode = (schema: { graph: string }) => ({ decoded: schema.graph });
  return new Function("Na", `${source}; return { Gr, Engine };`)(decode) as {
    Gr: { deserialize(schema: object, enums: unknown): unknown };
    Engine: new (config: object) => { cache: unknown; compiler(c: unknown, p: string, i: object): unknown };
  };
}

describe("sharing Prisma's engine between clients of one schema", () => {
  it("has edited the installed runtime, in both module formats", () => {
    const require = createRequire(path.join(projectRoot, "package.json"));
    for (const file of ["client.js", "client.mjs"]) {
      const source = readFileSync(require.resolve(`@prisma/client/runtime/${file}`), "utf8");
      expect(isEngineShared(source), file).toBe(true);
    }
  });

  it("gives clients of one schema one graph, one plan cache and one compiler, and another schema its own", () => {
    const result = sharePrismaEngine(RUNTIME_SHAPE);
    if (result.kind !== "edited") throw new Error(`not edited: ${JSON.stringify(result)}`);
    expect(sharePrismaEngine(result.source)).toEqual({ kind: "already" });
    const { Gr, Engine } = loadShape(result.source);
    const tenant = { graph: "tenant" };
    const central = { graph: "central" };
    expect(Gr.deserialize(tenant, null)).toBe(Gr.deserialize(tenant, null));
    expect(Gr.deserialize(tenant, null)).not.toBe(Gr.deserialize(central, null));

    class Compiler {
      freed = false;
      constructor(readonly options: object) {}
      free() {
        this.freed = true;
      }
    }
    const engine = (schema: object, inlineSchema: string) =>
      new Engine({ parameterizationSchema: schema, inlineSchema, queryPlanCacheMaxSize: 1000 });
    const [a, b, c] = [engine(tenant, "tenant"), engine(tenant, "tenant"), engine(central, "central")];
    expect(a.cache).toBe(b.cache);
    expect(a.cache).not.toBe(c.cache);
    const info = { schemaName: "public" };
    const compiler = a.compiler(Compiler, "postgres", info) as Compiler;
    expect(b.compiler(Compiler, "postgres", { ...info })).toBe(compiler);
    expect(c.compiler(Compiler, "postgres", info)).not.toBe(compiler);
    expect(b.compiler(Compiler, "postgres", { schemaName: "other" })).not.toBe(compiler);
    // A client that disconnects must not free the compiler the others use.
    compiler.free();
    expect(compiler.freed).toBe(false);
  });

  it("refuses a runtime that lacks any of the expected places, naming it", () => {
    const result = sharePrismaEngine(RUNTIME_SHAPE.replace("queryPlanCacheMaxSize)", "size)"));
    expect(result).toEqual({
      kind: "unknown",
      missing: "query plan cache taken from the schema: 0 matches, expected 1",
    });
  });
});
