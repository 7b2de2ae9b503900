// Runtime detection through globalThis feature checks only: importing `process` or `Deno` would tie core to one runtime.

interface RuntimeGlobals {
  Deno?: { version?: { deno?: string }; env?: { get(name: string): string | undefined } };
  Bun?: { version?: string };
  process?: { versions?: { node?: string }; env?: Record<string, string | undefined> };
  EdgeRuntime?: unknown;
  navigator?: { userAgent?: string };
  document?: unknown;
}

function globals(): RuntimeGlobals {
  return globalThis as unknown as RuntimeGlobals;
}

/** The runtime name and version, e.g. `node/20.20.2`, `deno/2.9.6`, `workerd`, `browser`. */
export function runtimeName(): string {
  const g = globals();
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (g.Deno?.version?.deno) return `deno/${g.Deno.version.deno}`;
  if (g.Bun?.version) return `bun/${g.Bun.version}`;
  if (g.EdgeRuntime !== undefined) return "edge-runtime";
  if (g.process?.versions?.node) return `node/${g.process.versions.node}`;
  if (g.document !== undefined) return "browser";
  return "unknown";
}

/** True in a browser page, where a `User-Agent` header cannot be set and secrets must never be handled. */
export function isBrowser(): boolean {
  const g = globals();
  return g.document !== undefined && g.Deno === undefined && g.process?.versions?.node === undefined;
}

/**
 * Reads an environment variable from the `env` object given (Workers bindings), else from Node's or Deno's
 * environment where one exists. Deno without `--allow-env` throws; that reads as "not set".
 */
export function readEnv(name: string, env?: object): string | undefined {
  if (env) {
    // `object`, not `Record<string, unknown>`: a Worker's `interface Env` has no index signature.
    const value = (env as Record<string, unknown>)[name];
    return typeof value === "string" && value !== "" ? value : undefined;
  }
  const g = globals();
  try {
    const value = g.process?.env?.[name] ?? g.Deno?.env?.get(name);
    return value === undefined || value === "" ? undefined : value;
  } catch {
    return undefined;
  }
}
