import { abortable } from "../transport/abortable";

/** How long a resolved slug is trusted without news from this client (a connector created elsewhere shows up after it). */
const TRUST_MS = 5 * 60_000;

/**
 * What a connector is, as paging needs to know it for a handle made from an id alone: its type (slug or display
 * name, which the catalog lookup accepts) and its definition id (which must match the catalog's).
 *
 * @example
 * ```ts
 * const kind: ConnectorKind = { type: "stripe", definitionId: "e094cb9a-26de-4645-8761-65c0c425d1de" };
 * ```
 */
export interface ConnectorKind {
  type: string | undefined;
  definitionId: string | undefined;
}

/**
 * The connector ids a client resolved from slugs, per workspace: one lookup for any number of concurrent
 * callers and handles (1,000 executes through `connector("stripe")` list once), forgotten when this client
 * creates, renames or deletes a connector in the workspace, when a call gets a 404 for the id, after five minutes,
 * and when the lookup fails (a failure is never cached). And, the other way round, the kind of connector an id is
 * (its type never changes): learned once per client for any number of handles (a React query makes a handle per
 * page), noted from every list and get, forgotten on a delete or a 404 for the id.
 *
 * @example
 * ```ts
 * const ids = createConnectorIds(Date.now);
 * const id = await ids.resolve("acme", "stripe", () => lookUp("stripe"), signal);
 * ids.forget("acme"); // after a create or delete in acme
 * const { type } = await ids.kindOf(id, () => getKind(id), signal);
 * ```
 */
export interface ConnectorIds {
  resolve(workspace: string, slug: string, lookup: () => Promise<string>, signal?: AbortSignal): Promise<string>;
  /** The id a slug resolved to, while `resolve` would still answer it without a lookup; undefined otherwise. */
  known(workspace: string, slug: string): string | undefined;
  /** Forgets one slug of a workspace, all of a workspace's slugs, or (no workspace) every slug of every workspace. */
  forget(workspace?: string, slug?: string): void;
  kindOf(id: string, learn: () => Promise<ConnectorKind>, signal?: AbortSignal): Promise<ConnectorKind>;
  /** Records what a listing or a get showed of a connector. */
  noteKind(id: string, kind: ConnectorKind): void;
  /** Forgets what is known of a connector id (deleted, or answered 404), and every slug of the workspace resolved to it. */
  forgetKind(id: string, workspace?: string): void;
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
  const byWorkspace = new Map<string, Entries<string>>();
  const kinds: Entries<ConnectorKind> = new Map();
  return {
    resolve(workspace, slug, lookup, signal) {
      const slugs: Entries<string> = byWorkspace.get(workspace) ?? new Map();
      byWorkspace.set(workspace, slugs);
      return shared(slugs, slug, lookup, signal, now, TRUST_MS);
    },
    known(workspace, slug) {
      const entry = byWorkspace.get(workspace)?.get(slug.toLowerCase());
      return entry && now() - entry.at <= TRUST_MS ? entry.resolved : undefined;
    },
    forget(workspace, slug) {
      if (workspace === undefined) byWorkspace.clear();
      else if (slug === undefined) byWorkspace.delete(workspace);
      else byWorkspace.get(workspace)?.delete(slug.toLowerCase());
    },
    // A connector's type never changes: what is known of an id is kept until it is deleted or answers 404.
    kindOf: (id, learn, signal) => shared(kinds, id, learn, signal, now, Number.POSITIVE_INFINITY),
    noteKind(id, kind) {
      // With validation "warn" or "off" an off-schema answer can get here: only a real id is noted.
      if (typeof id === "string") kinds.set(id.toLowerCase(), { value: Promise.resolve(kind), at: now() });
    },
    forgetKind(id, workspace) {
      kinds.delete(id.toLowerCase());
      const slugs = workspace === undefined ? undefined : byWorkspace.get(workspace);
      for (const [slug, entry] of slugs ?? []) if (entry.resolved === id) slugs?.delete(slug);
    },
  };
}

type Entries<V> = Map<string, { value: Promise<V>; at: number; resolved?: V }>;

/**
 * The value under a case-insensitive key, looked up once for every caller while it is younger than `maxAgeMs`. A
 * failed lookup is dropped (never cached), and each caller's own signal only stops that caller's wait: the lookup is
 * shared, so one caller giving up must not fail the others.
 */
function shared<V>(
  entries: Entries<V>,
  name: string,
  lookup: () => Promise<V>,
  signal: AbortSignal | undefined,
  now: () => number,
  maxAgeMs: number,
): Promise<V> {
  const key = name.toLowerCase();
  let entry = entries.get(key);
  if (!entry || now() - entry.at > maxAgeMs) {
    const fresh: { value: Promise<V>; at: number; resolved?: V } = { value: lookup(), at: now() };
    // What it resolved to, so a 404 for an id can forget the slugs that led to it (forgetKind).
    fresh.value.then(
      (value) => {
        fresh.resolved = value;
      },
      () => {
        if (entries.get(key) === fresh) entries.delete(key);
      },
    );
    entries.set(key, fresh);
    entry = fresh;
  }
  return abortable(entry.value, signal);
}
