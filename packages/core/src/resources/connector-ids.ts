import { abortable } from "../transport/abortable";

/** How long a resolved slug is trusted without news from this client (a connector created elsewhere shows up after it). */
const TRUST_MS = 5 * 60_000;

/**
 * The connector ids a client resolved from slugs, per workspace: one lookup for any number of concurrent
 * callers and handles (1,000 executes through `connector("stripe")` list once), forgotten when this client
 * creates or deletes a connector in the workspace, when a call gets a 404 for the id, after five minutes,
 * and when the lookup fails (a failure is never cached).
 *
 * @example
 * ```ts
 * const ids = createConnectorIds(Date.now);
 * const id = await ids.resolve("acme", "stripe", () => lookUp("stripe"), signal);
 * ids.forget("acme"); // after a create or delete in acme
 * ```
 */
export interface ConnectorIds {
  resolve(workspace: string, slug: string, lookup: () => Promise<string>, signal?: AbortSignal): Promise<string>;
  /** Forgets one slug of a workspace, or all of them. */
  forget(workspace: string, slug?: string): void;
}

/**
 * Creates an empty {@link ConnectorIds} cache; one per client.
 *
 * @example
 * ```ts
 * const ctx = { ...rest, connectorIds: createConnectorIds(Date.now) };
 * ```
 */
export function createConnectorIds(now: () => number): ConnectorIds {
  const byWorkspace = new Map<string, Map<string, { id: Promise<string>; at: number }>>();
  return {
    resolve(workspace, slug, lookup, signal) {
      const slugs = byWorkspace.get(workspace) ?? new Map<string, { id: Promise<string>; at: number }>();
      byWorkspace.set(workspace, slugs);
      const key = slug.toLowerCase();
      let entry = slugs.get(key);
      if (!entry || now() - entry.at > TRUST_MS) {
        const fresh = { id: lookup(), at: now() };
        fresh.id.catch(() => {
          if (slugs.get(key) === fresh) slugs.delete(key);
        });
        slugs.set(key, fresh);
        entry = fresh;
      }
      // The lookup is shared: one caller giving up must not fail the others.
      return abortable(entry.id, signal);
    },
    forget(workspace, slug) {
      if (slug === undefined) byWorkspace.delete(workspace);
      else byWorkspace.get(workspace)?.delete(slug.toLowerCase());
    },
  };
}
