/** A regex literal found in a package's source. */
export interface RegexLiteral {
  /** `file.ts:line`, the file relative to the folder searched. */
  where: string;
  source: string;
  flags: string;
}
export function regexLiterals(srcDir: string): RegexLiteral[];
export function regexVerdict(source: string, flags: string): string | undefined;
export function checkRegexLiterals(
  srcDir: string,
  bounded?: Record<string, string>,
): { literals: RegexLiteral[]; problems: string[]; boundedSeen: string[] };
