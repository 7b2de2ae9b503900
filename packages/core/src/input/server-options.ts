// The server client's own options. A file of its own: the browser entry imports client-options.ts, and with code
// splitting anything beside it there would ship the credential option names to browsers.
import { checkTransportOptions } from "./client-options";
import { checkOption, hasMethods, isText } from "./values";

/**
 * Checks every `createClient`/`configure` option before anything runs: credentials and names non-empty strings,
 * `env` an object, `tokenStore` with `get` and `set`, plus {@link checkTransportOptions}.
 *
 * @example
 * ```ts
 * checkClientOptions("createClient", { maxRetries: -5 }); // throws ValidationError invalid_input
 * ```
 */
export function checkClientOptions(what: string, options: unknown): void {
  const o = checkTransportOptions(what, options);
  for (const name of ["clientId", "clientSecret", "organizationId", "workspaceName"]) {
    checkOption(what, o, name, "a non-empty string", isText);
  }
  checkOption(what, o, "env", "an object", (v) => typeof v === "object" && v !== null);
  checkOption(what, o, "tokenStore", "an object with get and set methods", hasMethods(["get", "set"]));
}
