import type { BaseIssue } from "valibot";

function normalise(keys: readonly unknown[]): string {
  let path = "";
  for (const key of keys) path += typeof key === "number" ? "[]" : path === "" ? String(key) : `.${String(key)}`;
  return path;
}

function touches(issuePath: string, read: string): boolean {
  if (issuePath === "" || read === issuePath) return true;
  // An issue above a field the SDK reads (`data[]` not an object, when `data[].id` is read) breaks that read too.
  return read.startsWith(`${issuePath}.`) || read.startsWith(`${issuePath}[]`);
}

/**
 * Splits schema issues into those that break what the SDK reads and those it can ignore. `reads`
 * lists the fields the client maps, as paths with `[]` for any array index (`data[].id`); an issue at
 * one of them, above one of them, or at the root counts. Without a `reads` list every issue counts.
 *
 * @example
 * ```ts
 * essentialIssues(result.issues, ["access_token", "expires_in"]); // a missing `token_type` is not among them
 * ```
 */
export function essentialIssues<T extends BaseIssue<unknown>>(issues: readonly T[], reads: readonly string[] | undefined): T[] {
  if (reads === undefined) return [...issues];
  return issues.filter((issue) => {
    const path = normalise((issue.path ?? []).map((item) => item.key));
    return reads.some((read) => touches(path, read));
  });
}
