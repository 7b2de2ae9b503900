// The hooks' view of core's typed connectors: core's own helper types (`EntityOf`, `TypedItem`, …, re-exported here so
// the hooks and core can never disagree), plus what only the hooks need (refs, the optional-params tuple). Pure
// types, no runtime bytes.
import type { ConnectorSlug } from "@airbyte-agents/core";

export type {
  DownloadEntityOf,
  EntityOf,
  ExecuteActionOf,
  ItemOf,
  PagedActionOf,
  TypedDownloadParams,
  TypedItem,
  TypedMeta,
  TypedPageParams,
} from "@airbyte-agents/core";

/**
 * A ref to a connector the SDK has types for: its slug, or its id with the slug as `type` (as core's
 * `ws.connector()` takes them).
 *
 * @example
 * ```ts
 * const bySlug: TypedConnectorRef<"stripe"> = "stripe";
 * const byId: TypedConnectorRef<"stripe"> = { connectorId, type: "stripe" };
 * ```
 */
export type TypedConnectorRef<S extends ConnectorSlug> = S | { connectorId: string; type: S };

/**
 * What the untyped signatures infer a ref as. Naming the slugs in `type` keeps `{ connectorId, type: "stripe" }`
 * a literal during inference (a plain `string` would widen it), so {@link UntypedConnectorRef} can see it.
 *
 * @example
 * ```ts
 * const ref: ConnectorRefShape = { connectorId, type: "my-crm" };
 * ```
 */
export type ConnectorRefShape = string | { connectorId: string; type?: ConnectorSlug | (string & Record<never, never>) };

/**
 * A ref the hooks treat as untyped: an unknown slug, or `{ connectorId }` without a known `type`. A known slug is
 * `never` here, so a mistake on a typed connector is an error instead of a silent fallback to the untyped hook.
 *
 * @example
 * ```ts
 * function useMine<R extends ConnectorRefShape>(ref: UntypedConnectorRef<R>) {}
 * useMine("my-crm"); // ok
 * useMine("stripe"); // error: stripe has types, use the typed signature
 * ```
 */
export type UntypedConnectorRef<R> = R & (R extends ConnectorSlug | { type: ConnectorSlug } ? never : unknown);

/**
 * The hooks' trailing arguments: `params` may be left out exactly when every parameter is optional (as on core's
 * typed handle), so a missing required parameter is a compile error.
 *
 * @example
 * ```ts
 * type Args = ParamsArgs<{ id: string }, { staleTime?: number }>; // [params: { id: string }, options?: …]
 * ```
 */
export type ParamsArgs<P, O> = Record<never, never> extends P ? [params?: P, options?: O] : [params: P, options?: O];

/**
 * The factories' `params` property: optional exactly when every parameter is optional.
 *
 * @example
 * ```ts
 * const input: ParamsProp<{ id: string }> = { params: { id: "cus_1" } };
 * ```
 */
export type ParamsProp<P> = Record<never, never> extends P ? { params?: P } : { params: P };

/**
 * The untyped signatures' guard on their first type argument: a slug there (`useExecute<"stripe">(…)`) is an error
 * rather than a result whose data is the string `"stripe"`. For a published connector the type arguments are the
 * typed signature's own, `<S, E, A, TData>`, or none at all.
 *
 * @example
 * ```ts
 * type Ok = NotASlug<Contact[]>; // unknown: any data type is fine
 * type No = NotASlug<"stripe">; // never: name the entity and action too, or let them be inferred
 * ```
 */
export type NotASlug<T> = [T] extends [ConnectorSlug] ? never : unknown;
