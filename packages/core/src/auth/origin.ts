/**
 * Checks an `allowed_origin` by the contract's rules (§7 step 2): scheme, host and optional port; no path, no
 * trailing slash, no wildcard. Returns a reason when invalid.
 */
export function originProblem(origin: string): string | undefined {
  if (origin.includes("*")) return "wildcards are not allowed";
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return "it is not an absolute URL with a scheme (e.g. https://app.example.com)";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "the scheme must be http or https";
  if (origin.endsWith("/")) return "remove the trailing slash";
  const explicitPort = `${url.protocol}//${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
  if (origin !== `${url.protocol}//${url.host}` && origin !== explicitPort)
    return "it must be scheme://host[:port] only, with no path, query or credentials";
  return undefined;
}
