// The lenient check: the fields a resource reads, with the types it expects, in plain code (no schema library).
import type { Reads, ReadType } from "./schemas";

/** One problem, shaped like a valibot issue so `ValidationError.fromIssues` reads both. */
export interface ReadIssue {
  message: string;
  path: { key: string | number }[];
}

// The way valibot names a received value, so both checks read alike.
function received(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (value === null || value === undefined || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "Array" : "Object";
}

function matches(value: unknown, type: string): boolean {
  switch (type) {
    case "string":
    case "number":
    case "boolean":
      return typeof value === type;
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

// "data[].items[][]" -> ["data", "[]", "items", "[]", "[]"]
function segments(path: string): string[] {
  // Most reads name one top-level field: no split, no regex.
  if (!path.includes(".") && !path.includes("[")) return [path];
  return path.split(".").flatMap((part) => {
    let name = part;
    while (name.endsWith("[]")) name = name.slice(0, -2);
    const arrays = (part.length - name.length) / 2;
    return [...(name === "" ? [] : [name]), ...Array<string>(arrays).fill("[]")];
  });
}

function visit(
  value: unknown,
  rest: string[],
  walked: string,
  at: ReadIssue["path"],
  type: ReadType,
  reads: Reads,
  issues: ReadIssue[],
): void {
  const optional = type.endsWith("?");
  if (rest.length === 0) {
    if (optional && (value === undefined || value === null)) return;
    const base = optional ? type.slice(0, -1) : type;
    if (!matches(value, base)) issues.push({ message: `Invalid type: Expected ${base} but received ${received(value)}`, path: at });
    return;
  }
  const [head, ...tail] = rest as [string, ...string[]];
  const container = head === "[]" ? "array" : "object";
  if (!matches(value, container)) {
    // A listed parent reports itself (and may be optional); an unlisted one is reported here, once per field.
    if (reads[walked] === undefined)
      issues.push({ message: `Invalid type: Expected ${container} but received ${received(value)}`, path: at });
    return;
  }
  if (head === "[]") {
    const items = value as unknown[];
    for (let index = 0; index < items.length; index++) {
      visit(items[index], tail, `${walked}[]`, [...at, { key: index }], type, reads, issues);
    }
    return;
  }
  const next = walked === "" ? head : `${walked}.${head}`;
  visit((value as Record<string, unknown>)[head], tail, next, [...at, { key: head }], type, reads, issues);
}

/**
 * The problems in `data` with the fields listed in `reads`: each must have its type (`?` allows absent or
 * null), and every item of a listed array is checked. Fields not listed pass through unchecked.
 *
 * @example
 * ```ts
 * readIssues({ access_token: 1 }, { access_token: "string", expires_in: "number" });
 * // [{ message: "Invalid type: Expected string but received 1", path: [{ key: "access_token" }] }, { … expires_in … }]
 * ```
 */
export function readIssues(data: unknown, reads: Reads): ReadIssue[] {
  const issues: ReadIssue[] = [];
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return [{ message: `Invalid type: Expected object but received ${received(data)}`, path: [] }];
  }
  for (const [path, type] of Object.entries(reads)) visit(data, segments(path), "", [], type, reads, issues);
  // Two fields under one broken parent report that parent twice.
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.map((item) => item.key).join("\u0000")}\u0001${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
