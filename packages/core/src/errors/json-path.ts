const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats a list of keys as a JavaScript-style path: numbers become `[0]`, identifiers `.name`,
 * and any other key `["odd key"]`, so `data[0].id` and `data["0"].id` stay distinguishable.
 *
 * @example
 * ```ts
 * formatJsonPath(["body", "items", 0, "id"]); // "body.items[0].id"
 * ```
 */
export function formatJsonPath(keys: readonly unknown[]): string {
  let path = "";
  for (const key of keys) {
    if (typeof key === "number") {
      path += `[${key}]`;
      continue;
    }
    const name = typeof key === "symbol" ? (key.description ?? "symbol") : String(key);
    if (IDENTIFIER.test(name)) path += path === "" ? name : `.${name}`;
    else path += `[${JSON.stringify(name)}]`;
  }
  return path;
}
