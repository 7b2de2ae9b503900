#!/usr/bin/env node
// @airbyte-agents/tools' costs (issue 13): each adapter's own bytes, and the size of the tool descriptions it hands a
// model. Writes bench-results/tools-sizes.json and its section of bench-results/REPORT.md. Measurements only.
//
// Bytes: esbuild from the package's sources, minified, ESM, gzip level 9; @airbyte-agents/core and the frameworks
// (ai, @openai/agents, @modelcontextprotocol/sdk) external, as they are peers the app has anyway. "Own" is an entry
// alone, the package's framework-neutral core external too; "with the neutral core" is what an app adds by using
// that adapter.
// Descriptions: the whole-connector tool of each of the 51 connectors, reads only (the default) and with every
// action allowed; characters, the package's estimate (chars / 4) and the o200k tokenizer's count (gpt-tokenizer,
// a devDependency of packages/tools).
//
//   node tools-sizes.mjs          (part of `pnpm bench`; needs packages/core built)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { writeReportSection } from "./report-section.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const tools = path.join(root, "packages", "tools");
const src = path.join(tools, "src");
const out = path.join(here, "bench-results");

const PEERS = [/^@airbyte-agents\/core/, /^ai($|\/)/, /^@openai\/agents/, /^@modelcontextprotocol\/sdk/];
const NEUTRAL = new Set(["./index", "./tools", "./types", "./cap", "./description", "./errors", "./paging", "./policy", "./schema"]);

/** A plugin that keeps the peers external, and with `ownOnly` the package's neutral modules too. */
const externals = (ownOnly) => ({
  name: "externals",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (PEERS.some((p) => p.test(args.path))) return { path: args.path, external: true };
      if (ownOnly && args.importer && NEUTRAL.has(args.path)) return { path: args.path, external: true };
      return undefined;
    });
  },
});

async function size(contents, { ownOnly }) {
  const result = await build({
    stdin: { contents, resolveDir: src, loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    plugins: [externals(ownOnly)],
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const ENTRIES = {
  "@airbyte-agents/tools (neutral core)": 'export { connectorTools, workspaceTools, askTool } from "./index";',
  "@airbyte-agents/tools/ai-sdk": 'export { toAiSdkTools, toAiSdkTool } from "./ai-sdk";',
  "@airbyte-agents/tools/openai-agents": 'export { toOpenAIAgentsTools, toOpenAIAgentsTool } from "./openai-agents";',
  "@airbyte-agents/tools/mcp": 'export { createMcpServer, createMcpHandler } from "./mcp";',
};
const USED_WITH_CORE = {
  "@airbyte-agents/tools/ai-sdk": 'export { toAiSdkTools } from "./ai-sdk"; export { connectorTools, workspaceTools } from "./index";',
  "@airbyte-agents/tools/openai-agents":
    'export { toOpenAIAgentsTools } from "./openai-agents"; export { connectorTools, workspaceTools } from "./index";',
  "@airbyte-agents/tools/mcp": 'export { createMcpServer, createMcpHandler } from "./mcp";',
};

const bundles = {};
for (const [name, contents] of Object.entries(ENTRIES)) {
  // The neutral core's own bytes are the whole of it; an adapter's own bytes leave the neutral core out.
  bundles[name] = { own: await size(contents, { ownOnly: !name.includes("neutral core") }) };
  if (USED_WITH_CORE[name]) bundles[name].withNeutralCore = await size(USED_WITH_CORE[name], { ownOnly: false });
}

// --- Descriptions: the package's own generator over core's catalogs (bundled from source into a temp module).
const tmp = mkdtempSync(path.join(tmpdir(), "tools-sizes-"));
const module = path.join(tmp, "description.mjs");
await build({
  stdin: {
    contents:
      'export { connectorDescription, DEFAULT_MAX_DESCRIPTION_CHARS, estimateTokens } from "./description"; export { allowedOperations, READ_ACTIONS } from "./policy";',
    resolveDir: src,
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "neutral",
  outfile: module,
  plugins: [externals(false)],
  logLevel: "silent",
});
const { connectorDescription, DEFAULT_MAX_DESCRIPTION_CHARS, estimateTokens, allowedOperations, READ_ACTIONS } = await import(
  pathToFileURL(module).href
);
rmSync(tmp, { recursive: true, force: true });
const requireFromTools = createRequire(path.join(tools, "package.json"));
const { encode } = await import(pathToFileURL(requireFromTools.resolve("gpt-tokenizer")).href);
const { describeConnector, listConnectorTypes } = await import(
  pathToFileURL(createRequire(path.join(here, "package.json")).resolve("@airbyte-agents/core")).href
);

const descriptions = [];
for (const { slug } of listConnectorTypes()) {
  const catalog = await describeConnector(slug);
  const row = { slug, entities: catalog.entities.length, actions: catalog.entities.reduce((n, e) => n + e.actions.length, 0) };
  for (const [key, rule] of [
    ["readsOnly", READ_ACTIONS],
    ["allActions", "all"],
  ]) {
    const entities = allowedOperations(catalog, rule, undefined);
    const writes = [...new Set(entities.flatMap((e) => e.actions.map((a) => a.name)))].filter((a) => !READ_ACTIONS.includes(a));
    const { text, level } = connectorDescription({ catalog, entities, writes, maxChars: DEFAULT_MAX_DESCRIPTION_CHARS });
    const unbounded = connectorDescription({ catalog, entities, writes, maxChars: Number.POSITIVE_INFINITY }).text;
    row[key] = { chars: text.length, level, estimate: estimateTokens(text), o200k: encode(text).length, unboundedChars: unbounded.length };
  }
  descriptions.push(row);
}
descriptions.sort((a, b) => b.allActions.unboundedChars - a.allActions.unboundedChars);
const ratio = descriptions.map((d) => d.readsOnly.estimate / d.readsOnly.o200k);
const summary = {
  budgetChars: DEFAULT_MAX_DESCRIPTION_CHARS,
  maxO200kReadsOnly: Math.max(...descriptions.map((d) => d.readsOnly.o200k)),
  maxO200kAllActions: Math.max(...descriptions.map((d) => d.allActions.o200k)),
  estimateOverO200k: { min: Math.min(...ratio), max: Math.max(...ratio) },
  fullDetail: descriptions.filter((d) => d.readsOnly.level === 0).length,
};

const results = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  bundles,
  descriptions: { summary, connectors: descriptions },
};
writeFileSync(path.join(out, "tools-sizes.json"), `${JSON.stringify(results, null, 2)}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const body = [
  "## Agent tools (apps/bench/tools-sizes.mjs)",
  "",
  "Each entry's own bytes: esbuild, minified, ESM, gzip -9; `@airbyte-agents/core` and the frameworks external (peers).",
  '"With the neutral core": what an app adds by using the adapter (the adapter and the framework-neutral tools).',
  "",
  "| entry | own (min) | own (gzip) | with the neutral core (min) | with the neutral core (gzip) |",
  "| --- | --- | --- | --- | --- |",
  ...Object.entries(bundles).map(
    ([name, b]) =>
      `| \`${name}\` | ${kb(b.own.minified)} | ${kb(b.own.gzip)} | ${b.withNeutralCore ? kb(b.withNeutralCore.minified) : "–"} | ${b.withNeutralCore ? kb(b.withNeutralCore.gzip) : "–"} |`,
  ),
  "",
  `Tool descriptions (the whole-connector tool, budget ${DEFAULT_MAX_DESCRIPTION_CHARS.toLocaleString("en-US")} characters): ` +
    `${summary.fullDetail} of 51 connectors fit at full detail with reads only; the largest is ${summary.maxO200kReadsOnly} o200k tokens ` +
    `(reads only) and ${summary.maxO200kAllActions} (every action). The chars/4 estimate is ${summary.estimateOverO200k.min.toFixed(2)}–` +
    `${summary.estimateOverO200k.max.toFixed(2)}× the tokenizer's count. The ten largest catalogs:`,
  "",
  "| connector | entities | actions | unbounded chars (all actions) | reads only: chars / level / o200k | all actions: chars / level / o200k |",
  "| --- | --- | --- | --- | --- | --- |",
  ...descriptions
    .slice(0, 10)
    .map(
      (d) =>
        `| ${d.slug} | ${d.entities} | ${d.actions} | ${d.allActions.unboundedChars.toLocaleString("en-US")} | ${d.readsOnly.chars.toLocaleString("en-US")} / ${d.readsOnly.level} / ${d.readsOnly.o200k} | ${d.allActions.chars.toLocaleString("en-US")} / ${d.allActions.level} / ${d.allActions.o200k} |`,
    ),
].join("\n");
const section = writeReportSection(path.join(out, "REPORT.md"), "tools-sizes", body);
console.log(section);
