// The TypeScript samples of the docs compile against the built package (dist), in strict mode:
//   - every ```ts block of docs/typed-connectors.md and of the "Typed connectors" section of packages/core/README.md
//   - every ```ts block of the generated reference pages of five connectors (docs/connectors/<slug>.md), and the
//     "Create a connector" blocks (credentials per auth scheme, replication form, replication settings) of every page
//
// Each block is its own module in one program, importing `@airbyte-agents/core` the way a consumer does (the
// package's own `exports`, so `dist/index.d.ts`). A block may use variables of earlier samples by naming them in a
// first-line comment, `// assumes: ws, stripe`; the test declares them with the types in ASSUMABLE below. A
// connector page's blocks assume `ws` and the page's handle (`stripe`, `zendeskSupport`, …) unless they declare it.
// `// @ts-expect-error` in a sample must point at a real error (an unused one is an error too).
//
// Needs `pnpm --filter @airbyte-agents/core build` first. `DOCS_SAMPLES_ALL=1` checks every sample of all 51 pages.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const CORE = path.resolve(import.meta.dirname, "..", "..");
const ROOT = path.resolve(CORE, "..", "..");
const DIST_TYPES = path.join(CORE, "dist", "index.d.ts");
const ALL_PAGES = readdirSync(path.join(ROOT, "docs", "connectors"))
  .filter((f) => f.endsWith(".md") && f !== "README.md")
  .map((f) => f.slice(0, -3))
  .sort();
/**
 * The pages whose every sample is checked; of the others, the samples before "## Entities". `DOCS_SAMPLES_ALL=1`
 * checks all 51 pages whole (about 40 s more).
 */
const PAGES = process.env.DOCS_SAMPLES_ALL ? ALL_PAGES : ["stripe", "github", "hubspot", "linear", "asana"];

/** The variables a sample may assume, with their types (`core` is the package, imported as a namespace). */
const ASSUMABLE: Record<string, string> = {
  airbyte: "core.AirbyteClient",
  ws: "core.WorkspaceClient",
  connectorId: "string",
  stripe: 'core.TypedConnector<"stripe">',
  github: 'core.TypedConnector<"github">',
  hubspot: 'core.TypedConnector<"hubspot">',
  linear: 'core.TypedConnector<"linear">',
  asana: 'core.TypedConnector<"asana">',
};

interface Sample {
  /** Where the block is, for messages: `docs/typed-connectors.md:42`. */
  where: string;
  /** The markdown line of the block's first code line. */
  line: number;
  code: string;
  /** Variables to declare before the block. */
  assumes: string[];
}

/** The ```ts blocks of a markdown text; `offset` is the line of the text's first line in its file (1-based). */
function tsBlocks(file: string, text: string, offset = 1): Sample[] {
  const samples: Sample[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? "")) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? "")) end++;
    const code = lines.slice(start, end).join("\n");
    const assumes = /^\/\/ assumes: (.+)$/m.exec(code)?.[1]?.split(/,\s*/) ?? [];
    samples.push({ where: `${file}:${offset + start}`, line: offset + start, code, assumes });
    i = end;
  }
  return samples;
}

function read(relative: string): string {
  return readFileSync(path.join(ROOT, relative), "utf8");
}

/** The "## Typed connectors" section of the core README, with the line it starts at. */
function readmeSection(): { text: string; offset: number } {
  const text = read("packages/core/README.md");
  const lines = text.split("\n");
  const start = lines.indexOf("## Typed connectors");
  if (start < 0) return { text: "", offset: 1 };
  let end = start + 1;
  while (end < lines.length && !/^## /.test(lines[end] ?? "")) end++;
  return { text: lines.slice(start, end).join("\n"), offset: start + 1 };
}

/** `zendesk-support` -> `zendeskSupport`, as connector-docs.mjs names a page's handle. */
const handleName = (slug: string) => slug.replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());

const guide = tsBlocks("docs/typed-connectors.md", read("docs/typed-connectors.md"));
const section = readmeSection();
const readme = tsBlocks("packages/core/README.md", section.text, section.offset);
const pages = ALL_PAGES.map((slug) => {
  const handle = handleName(slug);
  const text = read(`docs/connectors/${slug}.md`);
  const entitiesLine = text.split("\n").indexOf("## Entities") + 1;
  const whole = PAGES.includes(slug);
  const blocks = tsBlocks(`docs/connectors/${slug}.md`, text)
    .filter((sample) => whole || sample.line < entitiesLine)
    .map((sample) => ({
      ...sample,
      assumes: [
        "ws",
        ...(new RegExp(`\\b(const|let) ${handle}\\b`).test(sample.code) ? [] : [`${handle}: core.TypedConnector<"${slug}">`]),
      ],
    }));
  return { slug, whole, blocks };
});

/** Deliberately wrong samples: the harness must report each, or it proves nothing. */
const BROKEN: Sample[] = [
  { code: 'await stripe.customers.list({ limit: "10" });', assumes: ["stripe"] },
  { code: 'await stripe.execute("customer", "list");', assumes: ["stripe"] },
  { code: "await stripe.customers.get({});", assumes: ["stripe"] },
  { code: "await github.issues.list({ owner: 'acme' });", assumes: ["github"] },
  { code: 'await ws.connectors.create({ type: "stripe", credentials: { token: "x" } });', assumes: ["ws"] },
  { code: 'import { notExported } from "@airbyte-agents/core";\nconsole.log(notExported);', assumes: [] },
].map((s, i) => ({ ...s, where: `broken sample ${i + 1}`, line: 1 }));

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.esnext.disposable.d.ts"],
  types: ["node"],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
};

/** The module a sample becomes: declarations for what it assumes, the block, `export {}`. Returns the prelude's length. */
function moduleOf(sample: Sample): { text: string; preludeLines: number } {
  const declarations = sample.assumes.map((entry) => {
    const [name, type] = entry.includes(":") ? entry.split(/:\s*(.*)/s) : [entry, ASSUMABLE[entry]];
    if (!name || !type) throw new Error(`${sample.where}: \`// assumes: ${entry}\` is not one of ${Object.keys(ASSUMABLE).join(", ")}`);
    return `declare const ${name}: ${type};`;
  });
  const prelude = [`import type * as core from "@airbyte-agents/core";`, ...declarations];
  return { text: `${prelude.join("\n")}\n${sample.code}\nexport {};\n`, preludeLines: prelude.length };
}

/** Type-checks all samples in one program; returns the diagnostics of each, as `file:line: message`. */
function typeCheck(samples: Sample[]): string[][] {
  // Virtual files inside the package, so `@airbyte-agents/core` resolves through its own package.json `exports`.
  const files = samples.map((sample, i) => ({
    sample,
    name: path.join(CORE, "test", "docs", "__samples__", `sample-${i}.ts`),
    ...moduleOf(sample),
  }));
  const byName = new Map(files.map((f) => [f.name, f]));
  const host = ts.createCompilerHost(OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const virtual = byName.get(path.resolve(name));
    return virtual ? ts.createSourceFile(name, virtual.text, language, true) : getSourceFile(name, language, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => byName.has(path.resolve(name)) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => byName.get(path.resolve(name))?.text ?? readFile(name);
  const program = ts.createProgram({ rootNames: files.map((f) => f.name), options: OPTIONS, host });
  const global = program.getGlobalDiagnostics().map((d) => `global: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  return files.map((file, i) => {
    const source = program.getSourceFile(file.name);
    if (!source) return [`${file.sample.where}: not in the program`];
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    return [
      ...(i === 0 ? global : []),
      ...diagnostics.map((d) => {
        const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line - file.preludeLines;
        const where = line >= 0 ? `${file.sample.where.replace(/:\d+$/, "")}:${file.sample.line + line}` : `${file.sample.where} (prelude)`;
        return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      }),
    ];
  });
}

const all = [...guide, ...readme, ...pages.flatMap((p) => p.blocks), ...BROKEN];
let results: string[][] = [];
const resultOf = (sample: Sample) => results[all.indexOf(sample)] ?? [`${sample.where}: not checked`];

beforeAll(() => {
  if (!existsSync(DIST_TYPES)) throw new Error(`${DIST_TYPES} is missing: run \`pnpm --filter @airbyte-agents/core build\` first`);
  results = typeCheck(all);
}, 120_000);

describe("docs samples type-check against the built package", () => {
  it("finds the samples", () => {
    expect(guide.length).toBeGreaterThanOrEqual(8);
    expect(readme.length).toBeGreaterThanOrEqual(1);
    expect(ALL_PAGES.length).toBe(51);
    for (const page of pages) expect(page.blocks.length, page.slug).toBeGreaterThanOrEqual(page.whole ? 2 : 1);
  });

  it.each(guide.map((s) => [s.where, s] as const))("%s", (_, sample) => {
    expect(resultOf(sample)).toEqual([]);
  });

  it.each(readme.map((s) => [s.where, s] as const))("%s (Typed connectors)", (_, sample) => {
    expect(resultOf(sample)).toEqual([]);
  });

  for (const page of pages) {
    it(`docs/connectors/${page.slug}.md: ${page.whole ? "all" : "the create"} samples (${page.blocks.length})`, () => {
      expect(page.blocks.flatMap(resultOf)).toEqual([]);
    });
  }

  it.each(BROKEN.map((s) => [s.code, s] as const))("reports a wrong sample: %s", (_, sample) => {
    expect(resultOf(sample).length).toBeGreaterThan(0);
  });
});
