// One TypeScript program over every block: each block is its own module, resolving the packages the way a consumer
// does (this app's node_modules, so each package's `exports` and its built `dist/*.d.ts`).
import path from "node:path";
import ts from "typescript";
import type { Block } from "./extract.js";
import type { ModuleText } from "./modules.js";

/** Where the virtual modules live: inside this app, so `@airbyte-agents/core` resolves through its node_modules. */
export const APP = path.resolve(import.meta.dirname, "..");
const VIRTUAL_ROOT = path.join(APP, ".samples");

/** Strict, and stricter than `strict` where users often are too (optional properties, index access). */
export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.esnext.disposable.d.ts"],
  types: ["node"],
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  // Deno's `npm:` specifiers name the same package.
  baseUrl: APP,
  paths: { "npm:*": ["node_modules/*"] },
};

/** A block with its module text. */
export interface CheckedModule {
  block: Block;
  module: ModuleText;
}

/** The virtual file name of a block: the path its first line names, else one per block, inside the file's folder. */
export function virtualName(block: Block): string {
  const folder = path.join(VIRTUAL_ROOT, block.file.replaceAll("/", "__"));
  return path.join(folder, block.modulePath ?? `line-${block.line}.${block.lang}`);
}

/**
 * Type-checks all modules in one program (plus `ambient` files, real .d.ts paths); returns each module's
 * diagnostics as `file:line: TSxxxx message`, with lines of the markdown file.
 */
export function typeCheck(modules: readonly CheckedModule[], ambient: readonly string[]): string[][] {
  const files = modules.map((m) => ({ ...m, name: virtualName(m.block) }));
  const byName = new Map<string, (typeof files)[number]>();
  for (const file of files) {
    const clash = byName.get(file.name);
    if (clash) throw new Error(`${file.block.file}:${file.block.line} and :${clash.block.line} name the same module ${file.name}`);
    byName.set(file.name, file);
  }
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const virtual = byName.get(path.resolve(name));
    return virtual ? ts.createSourceFile(name, virtual.module.text, language, true) : getSourceFile(name, language, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => byName.has(path.resolve(name)) || fileExists(name);
  // Module resolution asks whether a folder exists before looking into it: the virtual folders do.
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => {
    const folder = `${path.resolve(name)}${path.sep}`;
    return [...byName.keys()].some((file) => file.startsWith(folder)) || (directoryExists?.(name) ?? true);
  };
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => byName.get(path.resolve(name))?.module.text ?? readFile(name);
  const program = ts.createProgram({ rootNames: [...ambient, ...files.map((f) => f.name)], options: COMPILER_OPTIONS, host });
  const global = [...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics()].map(
    (d) => `global: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
  );
  return files.map((file, i) => {
    const source = program.getSourceFile(file.name);
    if (!source) return [`${file.block.file}:${file.block.line}: not in the program`];
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    return [
      ...(i === 0 ? global : []),
      ...diagnostics.map((d) => {
        const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line - file.module.headerLines;
        const where = line >= 0 ? `${file.block.file}:${file.block.line + line}` : `${file.block.file}:${file.block.line} (prelude)`;
        return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      }),
    ];
  });
}
