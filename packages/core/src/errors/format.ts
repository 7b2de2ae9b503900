// How errors write requests and JSON paths into their messages.

/**
 * Drops the query string and fragment from a request path, because query parameters can carry
 * tokens and an error must never hold one.
 *
 * @example
 * ```ts
 * errorPath("/api/v1/connectors?token=abc"); // "/api/v1/connectors"
 * ```
 */
export function errorPath(path: string): string {
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/**
 * Builds the one message format every request error uses: `<status> <METHOD> <path>: <detail>`,
 * leaving out the parts that are unknown.
 *
 * @example
 * ```ts
 * formatRequestMessage({ status: 404, method: "get", path: "/api/v1/connectors/x" }, "Not found");
 * // "404 GET /api/v1/connectors/x: Not found"
 * ```
 */
export function formatRequestMessage(
  request: { status?: number | undefined; method?: string | undefined; path?: string | undefined },
  detail: string,
): string {
  const prefix = [
    request.status === undefined ? undefined : String(request.status),
    request.method?.toUpperCase(),
    request.path === undefined ? undefined : errorPath(request.path),
  ]
    .filter((part): part is string => part !== undefined && part !== "")
    .join(" ");
  if (prefix === "") return detail;
  return detail === "" ? prefix : `${prefix}: ${detail}`;
}

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
