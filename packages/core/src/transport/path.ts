/**
 * Builds a path with every interpolated value percent-encoded as one segment, so an id can never add a
 * `/`, `?` or `..` to the URL (RFC 3986 §3.3).
 *
 * @example
 * ```ts
 * path`/api/v1/integrations/connectors/${id}/execute`;
 * ```
 */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) {
    const segment = String(values[i]);
    if (segment === "" || segment === "." || segment === "..") throw new TypeError(`Invalid path segment: ${JSON.stringify(segment)}`);
    out += encodeURIComponent(segment) + (strings[i + 1] ?? "");
  }
  return out;
}
