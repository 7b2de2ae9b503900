// The tools read text they do not control with regexes (catalog descriptions and parameter names, a model's
// arguments); one that backtracks catastrophically hangs the agent that called the tool. Each regex literal of the
// package's source goes through recheck, a static ReDoS checker (scripts/regex-safety.mjs, the same check core's
// and the emulator's tests run over theirs).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkRegexLiterals } from "../../../scripts/regex-safety.mjs";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");

describe("no regex of the tools can backtrack catastrophically", () => {
  it("every regex literal in the tools' source is linear", () => {
    const { literals, problems } = checkRegexLiterals(SRC);
    // The schema builder's patterns are among them (a source that reads no regex would pass for nothing).
    expect(literals.filter((l) => l.where.startsWith("schema.ts:")).length).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
  }, 120_000);
});
