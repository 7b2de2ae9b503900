// One named section of bench-results/REPORT.md, replaced in place (or appended): each bench script writes its own
// section between `<!-- name -->` and `<!-- /name -->`, so running one script keeps the others' figures.
import { readFileSync, writeFileSync } from "node:fs";

/**
 * Writes `body` (markdown, without the markers) as the `name` section of the report at `reportPath`.
 *
 * @example
 * ```js
 * writeReportSection(path.join(out, "REPORT.md"), "reliability", "## Reliability\n\n...");
 * ```
 */
export function writeReportSection(reportPath, name, body) {
  let report = "# Benchmarks\n";
  try {
    report = readFileSync(reportPath, "utf8");
  } catch {
    // No report yet: this section starts it.
  }
  const section = `<!-- ${name} -->\n${body}\n<!-- /${name} -->`;
  const marked = new RegExp(`\\n?<!-- ${name} -->[\\s\\S]*<!-- \\/${name} -->\\n?`);
  writeFileSync(reportPath, `${report.replace(marked, "\n").trimEnd()}\n\n${section}\n`);
  return section;
}
