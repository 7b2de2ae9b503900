// The ReDoS check every package's regex-safety test runs over its own source: each regex literal of the package's
// TypeScript files goes to recheck, a static checker that proves a regex linear or finds an input that makes it
// super-linear. The regexes of this repo read text it does not control (response bodies and headers, error
// messages, a caller's query strings), and one that backtracks catastrophically turns a hostile or unlucky input
// into a hung client or emulator. One copy here, so the packages read regexes and judge them the same way.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkSync } from "recheck";
import ts from "typescript";

/** Every `.ts` file under `dir`, recursively. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every regex literal of the `.ts` files under `srcDir`, as `{ where: "file.ts:line", source, flags }`. */
export function regexLiterals(srcDir) {
  return sourceFiles(srcDir).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found = [];
    const visit = (node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const literal = node.text;
        const end = literal.lastIndexOf("/");
        const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
        found.push({ where: `${path.relative(srcDir, file)}:${line + 1}`, source: literal.slice(1, end), flags: literal.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
  });
}

/** undefined when recheck proves `/source/flags` linear, else its verdict (`vulnerable (polynomial)`, `unknown`). */
export function regexVerdict(source, flags) {
  // A fixed seed: the fuzzing part of the check finds the same inputs on every run.
  const result = checkSync(source, flags, { randomSeed: 0 });
  if (result.status === "safe") return undefined;
  return `${result.status}${result.status === "vulnerable" ? ` (${result.complexity.type})` : ""}`;
}

/**
 * Checks every regex literal under `srcDir`. `bounded` maps a file (relative to `srcDir`) to why its polynomial
 * regexes stay linear in practice (a fixed window): those are let through. Returns the literals, the problems (one
 * line each) and which of `bounded` still hold a regex the checker questions.
 */
export function checkRegexLiterals(srcDir, bounded = {}) {
  const literals = regexLiterals(srcDir);
  const boundedSeen = new Set();
  const problems = literals.flatMap(({ where, source, flags }) => {
    const verdict = regexVerdict(source, flags);
    const file = where.slice(0, where.lastIndexOf(":"));
    if (verdict && bounded[file] && verdict.includes("polynomial")) boundedSeen.add(file);
    else if (verdict) return [`${where} /${source}/${flags}: ${verdict}`];
    return [];
  });
  return { literals, problems, boundedSeen: [...boundedSeen].sort() };
}
