// Runnable docs: every TypeScript block of the READMEs and guides type-checks against the built packages in strict
// mode, and every Node block runs against an emulator. The conventions a block can use (../README.md has the details):
//   ```ts                       a complete Node program: type-checked and run (exit 0 against a fresh emulator)
//   ```ts no-run                type-checked only (browser, Worker, Deno, Next.js code; deliberate compile errors)
//   ```tsx                      type-checked only
//   // assumes: ws, stripe      uses variables the prose introduced; defined for real by src/modules.ts
//   <!-- docs-check prelude     hidden code put before the next block (the reader's app: `declare const connectorId`)
//   -->
//   // app/x/page.tsx           a first-line path names the block's module, for imports between blocks of a page
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Block, extractBlocks, extractFiles } from "../src/extract.js";
import { handleName, moduleOf } from "../src/modules.js";
import { runBlock } from "../src/run.js";
import { APP, type CheckedModule, typeCheck } from "../src/typecheck.js";

const ROOT = path.resolve(APP, "..", "..");
const list = (dir: string, pick: (name: string) => string | undefined): string[] =>
  existsSync(path.join(ROOT, dir))
    ? readdirSync(path.join(ROOT, dir))
        .sort()
        .flatMap((name) => pick(name) ?? [])
    : [];

/** Every README and guide: the root README, each package's and app's, and docs/*.md. */
const GUIDES = [
  "README.md",
  ...list("packages", (name) => (existsSync(path.join(ROOT, "packages", name, "README.md")) ? `packages/${name}/README.md` : undefined)),
  ...list("apps", (name) => (existsSync(path.join(ROOT, "apps", name, "README.md")) ? `apps/${name}/README.md` : undefined)),
  ...list("docs", (name) => (name.endsWith(".md") ? `docs/${name}` : undefined)),
];

/**
 * The generated connector pages (docs/connectors/<slug>.md). All are checked up to "## Entities" (how to create
 * one); these five are checked whole. `DOCS_CHECK_ALL=1` checks all 51 whole (about 2000 blocks, 40 s more). Their
 * blocks assume `ws` and the page's handle (`stripe`, `zendeskSupport`, …), and are not run: each would need a
 * connector of its type with working credentials.
 */
const WHOLE_PAGES = ["stripe", "github", "hubspot", "linear", "asana"];
const PAGES = list("docs/connectors", (name) => (name.endsWith(".md") && name !== "README.md" ? name.slice(0, -3) : undefined));

const guideBlocks = extractFiles(ROOT, GUIDES);
const pageBlocks = PAGES.flatMap((slug) => {
  const file = `docs/connectors/${slug}.md`;
  const handle = handleName(slug);
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const entities = text.split("\n").indexOf("## Entities") + 1 || Number.POSITIVE_INFINITY;
  const whole = Boolean(process.env.DOCS_CHECK_ALL) || WHOLE_PAGES.includes(slug);
  return extractBlocks(file, text)
    .filter((block) => whole || block.line < entities)
    .map((block) => ({
      slug,
      block: {
        ...block,
        mode: "check" as const,
        assumes: new RegExp(`\\b(const|let) ${handle}\\b`).test(block.code) ? ["ws"] : ["ws", handle],
      },
      extra: { [handle]: `const ${handle} = ws.connector("${slug}");` },
    }));
});

/** Deliberately wrong blocks: the harness must report each, or a green run proves nothing. */
const BROKEN = extractBlocks(
  "broken samples",
  [
    "```ts no-run\n// assumes: stripe\nawait stripe.customers.list({ limit: '10' });\n```",
    '```ts no-run\n// assumes: stripe\nawait stripe.execute("customer", "list");\n```',
    "```ts no-run\n// assumes: github\nawait github.issues.list({ owner: 'acme' });\n```",
    '```ts no-run\n// assumes: ws\nawait ws.connectors.create({ type: "stripe", credentials: { token: "x" } });\n```',
    '```ts no-run\nimport { notExported } from "@airbyte-agents/core";\nconsole.log(notExported);\n```',
    "```tsx\nimport { useExecute } from \"@airbyte-agents/react\";\nuseExecute('stripe', 'customers', 'get');\n```",
    "```ts no-run\nconst ws = createClient().workspace();\n```",
  ].join("\n\n"),
);
/** Runnable blocks that type-check but fail when run: the run must report them. */
const BROKEN_RUNS = extractBlocks(
  "broken runs",
  [
    // The workspace does not exist: 404 from the emulator, so a non-zero exit.
    '```ts\nimport { createClient } from "@airbyte-agents/core";\nawait createClient().workspace("nowhere").connectors.create({ type: "stripe", credentials: { api_key: "k" }, replicationConfig: { account_id: "a" } });\n```',
    // A prelude that only declares: the value does not exist at run time.
    "<!-- docs-check prelude\ndeclare const connectorId: string;\n-->\n```ts\nconsole.log(connectorId.length);\n```",
  ].join("\n\n"),
);

const modules: (CheckedModule & { group: string })[] = [
  ...guideBlocks.map((block) => ({ block, module: moduleOf(block), group: "guides" })),
  ...pageBlocks.map(({ block, extra }) => ({ block, module: moduleOf(block, extra), group: "pages" })),
  ...[...BROKEN, ...BROKEN_RUNS].map((block) => ({ block, module: moduleOf(block), group: "broken" })),
];
const diagnostics = new Map<Block, string[]>();

beforeAll(() => {
  for (const pkg of ["core", "react", "emulator"]) {
    const types = path.join(ROOT, "packages", pkg, "dist", "index.d.ts");
    if (!existsSync(types)) throw new Error(`${types} is missing: build the packages first (pnpm turbo run build)`);
  }
  const started = Date.now();
  const results = typeCheck(modules, [path.join(APP, "ambient.d.ts")]);
  for (const [i, m] of modules.entries()) diagnostics.set(m.block, results[i] ?? []);
  console.log(`type-checked ${modules.length} blocks in one program: ${Date.now() - started} ms`);
}, 180_000);

const where = (b: Block) => `${b.file}:${b.line}`;

describe("every TypeScript block of the READMEs and guides type-checks against the built packages", () => {
  it("finds the blocks", () => {
    expect(GUIDES).toContain("packages/core/README.md");
    expect(guideBlocks.filter((b) => b.file === "packages/react/README.md").length).toBeGreaterThanOrEqual(20);
    expect(guideBlocks.filter((b) => b.file === "docs/typed-connectors.md").length).toBeGreaterThanOrEqual(8);
    expect(PAGES.length).toBe(51);
    for (const slug of PAGES) expect(pageBlocks.filter((p) => p.slug === slug).length, slug).toBeGreaterThanOrEqual(1);
  });

  it.each(guideBlocks.map((b) => [where(b), b] as const))("%s", (_, block) => {
    expect(diagnostics.get(block)).toEqual([]);
  });

  for (const slug of PAGES) {
    const blocks = pageBlocks.filter((p) => p.slug === slug).map((p) => p.block);
    it(`docs/connectors/${slug}.md (${blocks.length} blocks)`, () => {
      expect(blocks.flatMap((b) => diagnostics.get(b) ?? [`${where(b)}: not checked`])).toEqual([]);
    });
  }

  it.each(BROKEN.map((b) => [b.code.split("\n").at(-1), b] as const))("reports a wrong block: %s", (_, block) => {
    expect(diagnostics.get(block)?.length).toBeGreaterThan(0);
  });
});

describe("every Node block runs against the emulator", () => {
  const runnable = guideBlocks.filter((b) => b.mode === "run");

  it("finds them", () => {
    expect(runnable.length).toBeGreaterThanOrEqual(8);
  });

  // Each run is its own process and emulator, so they may overlap (vitest runs up to 5 at once).
  it.concurrent.each(runnable.map((b) => [where(b), b] as const))("%s", async (_, block) => {
    const result = await runBlock(block, moduleOf(block));
    // The message carries what the block printed, so a failure reads like the reader's terminal.
    expect(result.code, `exit ${result.code} after ${result.ms} ms:\n${result.output}`).toBe(0);
  });

  it.each(BROKEN_RUNS.map((b) => [b.code.split("\n").at(-1), b] as const))("reports a failing run: %s", async (_, block) => {
    expect(diagnostics.get(block)).toEqual([]);
    const result = await runBlock(block, moduleOf(block));
    expect(result.code).not.toBe(0);
  });
});
