// Every regular expression the SDK runs reads text it does not control: response bodies and headers (the redactor),
// error messages, a connector's parameters. One that backtracks catastrophically turns a hostile or just unlucky
// answer into a hung client. Rather than time the redactor on big inputs (a test asserts no time), each regex literal
// in core's source and each parameter pattern of the connector catalogs is checked by recheck, a static ReDoS
// checker: it proves a regex linear, or finds an input that makes it super-linear.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkSync } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { describeConnector, listConnectorTypes } from "../../src/index";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every regex literal of a file, as `{ where, source, flags }`. */
function regexLiterals(file: string): { where: string; source: string; flags: string }[] {
  const text = readFileSync(file, "utf8");
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { where: string; source: string; flags: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf("/");
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
      found.push({ where: `${path.relative(SRC, file)}:${line + 1}`, source: literal.slice(1, end), flags: literal.slice(end + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

// Regexes whose only super-linear reading is bounded by a fixed window, with the reason each stays linear.
const BOUNDED: Record<string, string> = {
  // "token ... expired" within 60 characters of one sentence: from each start at most 60 characters are scanned, so
  // the cost is at most 60 times the message's length; recheck's fuzzer sees quadratic growth up to that bound.
  "transport/token-refusal.ts": "a window of at most 60 characters",
};

// A fixed seed: the fuzzing part of the check finds the same inputs on every run.
const unsafe = (source: string, flags: string): string | undefined => {
  const result = checkSync(source, flags, { randomSeed: 0 });
  return result.status === "safe" ? undefined : `${result.status}${result.status === "vulnerable" ? ` (${result.complexity.type})` : ""}`;
};

describe("no regex the SDK runs can backtrack catastrophically", () => {
  it("every regex literal in core's source is linear", () => {
    const literals = sourceFiles(SRC).flatMap(regexLiterals);
    // The redactor's patterns are among them (a source that reads no regex would pass for nothing).
    expect(literals.filter((l) => l.where.startsWith("redact.ts:")).length).toBeGreaterThanOrEqual(5);
    const bounded: string[] = [];
    const problems = literals.flatMap(({ where, source, flags }) => {
      const verdict = unsafe(source, flags);
      if (verdict && BOUNDED[where.split(":")[0] as string] && /polynomial/.test(verdict)) bounded.push(where.split(":")[0] as string);
      else if (verdict) return [`${where} /${source}/${flags}: ${verdict}`];
      return [];
    });
    expect(problems).toEqual([]);
    // Each exception still holds a regex the checker questions (one fixed since would be listed here for nothing).
    expect([...new Set(bounded)].sort()).toEqual(Object.keys(BOUNDED).sort());
  }, 120_000);

  it("every parameter pattern of the connector catalogs is linear (validate.ts runs them on the caller's params)", async () => {
    const patterns = new Set<string>();
    for (const { slug } of listConnectorTypes()) {
      const catalog = await describeConnector(slug);
      for (const entity of catalog.entities)
        for (const action of entity.actions) for (const param of action.params) if (param.pattern) patterns.add(param.pattern);
    }
    expect(patterns.size).toBeGreaterThan(0);
    expect([...patterns].filter((pattern) => unsafe(pattern, "u"))).toEqual([]);
  });

  it("the checker tells a catastrophic regex from a linear one", () => {
    expect(unsafe("^(a+)+$", "")).toMatch(/^vulnerable \(exponential\)/);
    expect(unsafe("^(a|a)*b$", "")).toMatch(/^vulnerable/);
    expect(unsafe("^[a-z]+$", "")).toBeUndefined();
  });
});
