// Edits to Prisma's client runtime (one minified file per module format) so that every client of one
// generated schema shares three things the engine builds from the schema alone:
// - the parameterization graph, decoded per client into ≈ 27,000 objects (≈ 3.6 MB of heap);
// - the query plan cache (plans hold placeholders, never values), so a new client's first query
//   reuses the plans other clinics compiled instead of compiling them again (≈ 27 ms of CPU);
// - the wasm query compiler, which parses the schema in wasm memory per client (≈ 0.8 MB); shared
//   ones are never freed. Clients of different schemas (central, tenant) or providers share nothing.
// Each edit must match exactly once; anything else means a runtime these edits do not know.

const MARKER = "/*clinic-platform:shared-engine*/";

type Edit = { name: string; pattern: RegExp; replace: (match: string, ...groups: string[]) => string };

const EDITS: Edit[] = [
  {
    name: "parameterization graph per schema",
    pattern: /static deserialize\((\w+),(\w+)\)\{let (\w+)=(\w+)\(\1\);return new (\w+)\(\3,\2\)\}/g,
    replace: (_, schema, enums, _decoded, decode, self) =>
      `${MARKER}static #shared=new WeakMap;static deserialize(${schema},${enums}){let c=${self}.#shared.get(${schema});` +
      `return c||(c=new ${self}(${decode}(${schema}),${enums}),${self}.#shared.set(${schema},c)),c}`,
  },
  {
    name: "query plan cache per schema",
    pattern: /var (\w+)=class\{#e;#t;#r;constructor\((\w+)=1e3\)/g,
    replace: (_, cache, size) =>
      `var ${cache}=class{static #shared=new WeakMap;static shared(k,s){let c=this.#shared.get(k);` +
      `return c||(c=new this(s),this.#shared.set(k,c)),c}#e;#t;#r;constructor(${size}=1e3)`,
  },
  {
    name: "query plan cache taken from the schema",
    pattern: /new (\w+)\((\w+)\.queryPlanCacheMaxSize\)/g,
    replace: (_, cache, config) =>
      `${cache}.shared(${config}.parameterizationSchema,${config}.queryPlanCacheMaxSize)`,
  },
  {
    name: "query compiler per schema and connection",
    pattern:
      /this\.#m\(\(\)=>new (\w+)\(\{datamodel:this\.datamodel,provider:(\w+),connectionInfo:(\w+)\}\),void 0,!1\)/g,
    replace: (_, compiler, provider, info) =>
      `this.#m(()=>{let k=this.datamodel+"\\0"+${provider}+"\\0"+JSON.stringify(${info}),` +
      `m=${compiler}.__clinicShared??=new Map,c=m.get(k);return c||(c=new ${compiler}({datamodel:this.datamodel,` +
      `provider:${provider},connectionInfo:${info}}),c.free=()=>{},m.set(k,c)),c},void 0,!1)`,
  },
];

export const PRISMA_ENGINE_EDITS = EDITS.map((edit) => edit.name);

export type EngineEditResult =
  | { kind: "edited"; source: string }
  | { kind: "already" }
  | { kind: "unknown"; missing: string };

/** The runtime's source with the sharing edits, or why it cannot be edited. */
export function sharePrismaEngine(source: string): EngineEditResult {
  if (source.includes(MARKER)) return { kind: "already" };
  let edited = source;
  for (const edit of EDITS) {
    const matches = edited.match(edit.pattern)?.length ?? 0;
    if (matches !== 1) return { kind: "unknown", missing: `${edit.name}: ${matches} matches, expected 1` };
    edited = edited.replace(edit.pattern, edit.replace);
  }
  return { kind: "edited", source: edited };
}

/** Whether a runtime's source carries the edits (for the test that the installed one does). */
export const isEngineShared = (source: string) => source.includes(MARKER);
