// Bundles the agent Workers with build.mjs's options (platform neutral, the conditions workerd resolves, Node
// built-ins kept external so the bundle check names them), plus the `browser` main field, which packages such as
// `debug` (in @openai/agents' graph) need to pick their non-Node build:
//   src/ai-sdk-worker.mjs → dist/ai-sdk-worker.mjs: core, the tools' AI SDK adapter, ai and ai/test; nothing from Node.
//   src/agent-worker.mjs  → dist/agent-worker.mjs: the same plus the OpenAI Agents adapter and @openai/agents, whose
//                           workerd build imports node:* modules (run it with nodejs_compat).
//   node build-agent.mjs  → both (+ dist/<name>.meta.json)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { workerBuildOptions } from "./build.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const AGENT_WORKERS = ["ai-sdk-worker", "agent-worker"];

/** Esbuild options for one agent Worker bundle (`name`: "ai-sdk-worker" or "agent-worker"). */
export function agentWorkerBuildOptions(name, options = {}) {
  return workerBuildOptions({
    entryPoints: [path.join(here, `src/${name}.mjs`)],
    mainFields: ["browser", "module", "main"],
    ...options,
  });
}

export async function buildAgentWorker(name) {
  const outfile = path.join(here, `dist/${name}.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await esbuild.build(agentWorkerBuildOptions(name, { outfile }));
  writeFileSync(path.join(here, `dist/${name}.meta.json`), JSON.stringify(result.metafile, null, 2));
  return { outfile, metafile: result.metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of AGENT_WORKERS) {
    const { outfile, metafile } = await buildAgentWorker(name);
    const bytes = Object.values(metafile.outputs)[0]?.bytes ?? 0;
    console.log(
      `${path.relative(process.cwd(), outfile)}: ${Object.keys(metafile.inputs).length} inputs, ${(bytes / 1024).toFixed(1)} KiB`,
    );
  }
}
