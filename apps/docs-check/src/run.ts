// Runs a block on Node the way a reader would after pasting it into `sample.mts`: its own process, the packages
// from node_modules, `AIRBYTE_*` in the environment, here pointing at a fresh emulator on 127.0.0.1.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createEmulator } from "@airbyte-agents/emulator";
import ts from "typescript";
import type { Block } from "./extract.js";
import type { ModuleText } from "./modules.js";
import { APP } from "./typecheck.js";

/** Inside this app's node_modules, so the packages resolve as they do for a consumer (and git ignores it). */
const RUN_DIR = path.join(APP, "node_modules", ".cache", "docs-check");

/** How a run ended: the exit code (null on a timeout) and what it printed. */
export interface RunResult {
  code: number | null;
  output: string;
  ms: number;
}

/** Transpiles `module` to an ES module file and runs it with `node` against a fresh emulator. */
export async function runBlock(block: Block, module: ModuleText, timeoutMs = 30_000): Promise<RunResult> {
  mkdirSync(RUN_DIR, { recursive: true });
  const file = path.join(RUN_DIR, `${block.file.replaceAll("/", "__")}-${block.line}.mjs`);
  const { outputText } = ts.transpileModule(module.text, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: file.replace(/\.mjs$/, ".ts"),
  });
  writeFileSync(file, outputText);
  // A fresh emulator per block: a sample that creates a workspace or a connector must not depend on another's.
  const emulator = await createEmulator();
  const started = Date.now();
  try {
    return await new Promise<RunResult>((resolve) => {
      const child = spawn(process.execPath, [file], {
        cwd: RUN_DIR,
        env: {
          PATH: process.env.PATH ?? "",
          AIRBYTE_BASE_URL: emulator.url,
          AIRBYTE_CLIENT_ID: emulator.clientId,
          AIRBYTE_CLIENT_SECRET: emulator.clientSecret,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk));
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, output, ms: Date.now() - started });
      });
    });
  } finally {
    await emulator.close();
  }
}
