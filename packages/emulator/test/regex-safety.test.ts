// The emulator reads text its callers send (query languages, search strings, cursors) with regexes; one that
// backtracks catastrophically turns a hostile or unlucky query into a hung emulator, and every test with it. Each
// regex literal of the emulator's source goes through recheck, a static ReDoS checker (scripts/regex-safety.mjs,
// the same check core's and the tools' tests run over theirs).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkRegexLiterals } from "../../../scripts/regex-safety.mjs";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");

describe("no regex of the emulator can backtrack catastrophically", () => {
  it("every regex literal in the emulator's source is linear", () => {
    const { literals, problems } = checkRegexLiterals(SRC);
    // The query readers' patterns are among them (a source that reads no regex would pass for nothing).
    expect(literals.filter((l) => l.where.startsWith("records/")).length).toBeGreaterThanOrEqual(20);
    expect(problems).toEqual([]);
  }, 120_000);
});
