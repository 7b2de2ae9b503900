// Turns a block into the module a reader would have after pasting it: what it assumes, its prelude, the block.
import type { Block } from "./extract.js";

/**
 * The variables a block may name in `// assumes: …`, as the code that defines them. They are real definitions,
 * not `declare`s, so an assuming block also runs: `airbyte` reads `AIRBYTE_*` from the environment (the harness
 * points it at an emulator), `ws` is the default workspace, which the emulator seeds with GitHub, Stripe, Linear and
 * Zendesk Support connectors, as a new user's own workspace would hold their connectors.
 */
const ASSUMABLE: Record<string, { needs: string[]; code: string }> = {
  airbyte: { needs: [], code: "const airbyte = __docs.createClient();" },
  ws: { needs: ["airbyte"], code: "const ws = airbyte.workspace();" },
  stripe: { needs: ["ws"], code: 'const stripe = ws.connector("stripe");' },
  github: { needs: ["ws"], code: 'const github = ws.connector("github");' },
  linear: { needs: ["ws"], code: 'const linear = ws.connector("linear");' },
  zendeskSupport: { needs: ["ws"], code: 'const zendeskSupport = ws.connector("zendesk-support");' },
  connectorId: { needs: ["ws"], code: 'const connectorId = (await ws.connectors.resolve("stripe")).id;' },
};

/** `zendesk-support` -> `zendeskSupport`, as the connector pages name a page's handle. */
export const handleName = (slug: string): string => slug.replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A module's text and how many lines precede the block's own code (for mapping diagnostics back). */
export interface ModuleText {
  text: string;
  headerLines: number;
}

/**
 * The module of `block`: an `import * as __docs` when it assumes anything, the assumed definitions in dependency
 * order, its prelude, then the code. `extra` adds definitions for this block only (a connector page's handle).
 */
export function moduleOf(block: Block, extra: Record<string, string> = {}): ModuleText {
  const lines: string[] = [];
  const done = new Set<string>();
  const define = (name: string, chain: string[] = []): void => {
    if (done.has(name)) return;
    const custom = extra[name];
    const known = ASSUMABLE[name];
    if (custom === undefined && known === undefined) {
      const names = [...Object.keys(ASSUMABLE), ...Object.keys(extra)].join(", ");
      throw new Error(`${block.file}:${block.line}: \`// assumes: ${name}\` is not one of ${names} (${[...chain, name].join(" -> ")})`);
    }
    for (const need of custom === undefined ? (known?.needs ?? []) : ["ws"]) define(need, [...chain, name]);
    lines.push(custom ?? known?.code ?? "");
    done.add(name);
  };
  for (const name of block.assumes) define(name);
  if (lines.length > 0) lines.unshift('import * as __docs from "@airbyte-agents/core";');
  if (block.prelude) lines.push(...block.prelude.split("\n"));
  return { text: `${[...lines, block.code].join("\n")}\nexport {};\n`, headerLines: lines.length };
}
