// Every regular expression the SDK runs reads text it does not control: response bodies and headers (the redactor),
// error messages, a connector's parameters. One that backtracks catastrophically turns a hostile or just unlucky
// answer into a hung client. Rather than time the redactor on big inputs (a test asserts no time), each regex literal
// in core's source and each parameter pattern of the connector catalogs is checked by recheck, a static ReDoS
// checker: it proves a regex linear, or finds an input that makes it super-linear (scripts/regex-safety.mjs, which
// the emulator's and the tools' tests run over their own source too).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkRegexLiterals, regexVerdict } from "../../../../scripts/regex-safety.mjs";
import { describeConnector, listConnectorTypes } from "../../src/index";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

// Regexes whose only super-linear reading is bounded by a fixed window, with the reason each stays linear.
const BOUNDED: Record<string, string> = {
  // "token ... expired" within 60 characters of one sentence: from each start at most 60 characters are scanned, so
  // the cost is at most 60 times the message's length; recheck's fuzzer sees quadratic growth up to that bound.
  "transport/token-refusal.ts": "a window of at most 60 characters",
};

describe("no regex the SDK runs can backtrack catastrophically", () => {
  it("every regex literal in core's source is linear", () => {
    const { literals, problems, boundedSeen } = checkRegexLiterals(SRC, BOUNDED);
    // The redactor's patterns are among them (a source that reads no regex would pass for nothing).
    expect(literals.filter((l) => l.where.startsWith("redact.ts:")).length).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
    // Each exception still holds a regex the checker questions (one fixed since would be listed here for nothing).
    expect(boundedSeen).toEqual(Object.keys(BOUNDED).sort());
  }, 120_000);

  it("every parameter pattern of the connector catalogs is linear (validate.ts runs them on the caller's params)", async () => {
    const patterns = new Set<string>();
    for (const { slug } of listConnectorTypes()) {
      const catalog = await describeConnector(slug);
      for (const entity of catalog.entities)
        for (const action of entity.actions) for (const param of action.params) if (param.pattern) patterns.add(param.pattern);
    }
    expect(patterns.size).toBeGreaterThan(0);
    expect([...patterns].filter((pattern) => regexVerdict(pattern, "u"))).toEqual([]);
  });

  it("the checker tells a catastrophic regex from a linear one", () => {
    expect(regexVerdict("^(a+)+$", "")).toMatch(/^vulnerable \(exponential\)/);
    expect(regexVerdict("^(a|a)*b$", "")).toMatch(/^vulnerable/);
    expect(regexVerdict("^[a-z]+$", "")).toBeUndefined();
  });
});
