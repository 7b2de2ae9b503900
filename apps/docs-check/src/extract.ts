// Finds the TypeScript code blocks of a markdown file and what each one declares about itself (see README.md).
import { readFileSync } from "node:fs";
import path from "node:path";

/** One fenced TypeScript block of a markdown file. */
export interface Block {
  /** The markdown file, relative to the repository root. */
  file: string;
  /** The line of the block's first code line (1-based), for messages. */
  line: number;
  lang: "ts" | "tsx";
  code: string;
  /** `run`: type-checked and run on Node against the emulator; `check`: type-checked only. */
  mode: "run" | "check";
  /** Code the page does not show, put before the block: an HTML comment `<!-- docs-check prelude ... -->`. */
  prelude: string;
  /** Variables named by a first line `// assumes: ws, stripe`, defined by the harness (see ASSUMABLE). */
  assumes: string[];
  /** A path the block names in its first line (`// app/connectors/page.tsx`), so sibling blocks can import it. */
  modulePath: string | undefined;
}

const FENCE = /^(\s*)```(ts|tsx|typescript)((?:\s+[\w-]+)*)\s*$/;
const PRELUDE = /^\s*<!--\s*docs-check prelude\s*\n?([\s\S]*?)-->\s*$/;
const FLAGS = new Set(["no-run"]);

/**
 * The TypeScript blocks of `text` (the content of `file`). A block indented under a list item loses that indent.
 * Throws on an unknown word in the info string, so a typo (`ts norun`) is not silently a runnable block.
 */
export function extractBlocks(file: string, text: string): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i] ?? "");
    if (!fence) continue;
    const [, indent = "", rawLang = "ts", rawFlags = ""] = fence;
    const flags = rawFlags.split(/\s+/).filter(Boolean);
    for (const flag of flags) if (!FLAGS.has(flag)) throw new Error(`${file}:${i + 1}: unknown info-string word "${flag}"`);
    let end = i + 1;
    while (end < lines.length && (lines[end] ?? "").trim() !== "```") end++;
    const code = lines
      .slice(i + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join("\n");
    const lang = rawLang === "tsx" ? "tsx" : "ts";
    const firstLine = code.split("\n")[0] ?? "";
    blocks.push({
      file,
      line: i + 2,
      lang,
      code,
      // JSX needs a DOM and a renderer: tsx blocks are checked, never run.
      mode: lang === "tsx" || flags.includes("no-run") ? "check" : "run",
      prelude: preludeBefore(lines, i),
      assumes: /^\/\/ assumes: (.+)$/m.exec(code)?.[1]?.split(/,\s*/) ?? [],
      modulePath: /^\/\/ ((?:[\w.@[\]-]+\/)*[\w.[\]-]+\.tsx?)\b/.exec(firstLine)?.[1],
    });
    i = end;
  }
  return blocks;
}

/** The prelude comment ending on the line before the fence (blank lines between are allowed), or "". */
function preludeBefore(lines: string[], fenceIndex: number): string {
  let end = fenceIndex - 1;
  while (end >= 0 && (lines[end] ?? "").trim() === "") end--;
  if (end < 0 || !(lines[end] ?? "").trim().endsWith("-->")) return "";
  let start = end;
  while (start >= 0 && !(lines[start] ?? "").includes("<!--")) start--;
  const comment = PRELUDE.exec(lines.slice(start, end + 1).join("\n"));
  return comment?.[1]?.trim() ?? "";
}

/** The blocks of each markdown file, relative to `root`. */
export function extractFiles(root: string, files: readonly string[]): Block[] {
  return files.flatMap((file) => extractBlocks(file, readFileSync(path.join(root, file), "utf8")));
}
