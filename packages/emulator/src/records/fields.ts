/** Applies `select_fields` (an allowlist of dot paths, wins) or `exclude_fields` to one record (api-notes §5). */
export function projectRecord(record: unknown, select: string[] | null | undefined, exclude: string[] | null | undefined): unknown {
  if (!record || typeof record !== "object" || Array.isArray(record)) return record;
  if (select && select.length > 0) {
    const out: Record<string, unknown> = {};
    for (const path of select) copyPath(record as Record<string, unknown>, out, path.split("."));
    return out;
  }
  if (exclude && exclude.length > 0) {
    const copy = structuredClone(record) as Record<string, unknown>;
    for (const path of exclude) deletePath(copy, path.split("."));
    return copy;
  }
  return record;
}

function copyPath(from: Record<string, unknown>, to: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path;
  if (head === undefined || !(head in from)) return;
  const value = from[head];
  if (rest.length === 0) {
    to[head] = value;
    return;
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const child = (to[head] as Record<string, unknown> | undefined) ?? {};
    to[head] = child;
    copyPath(value as Record<string, unknown>, child, rest);
  }
}

function deletePath(target: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    delete target[head];
    return;
  }
  const child = target[head];
  if (child && typeof child === "object" && !Array.isArray(child)) deletePath(child as Record<string, unknown>, rest);
}
