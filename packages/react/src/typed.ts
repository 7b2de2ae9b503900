// The hooks' view of core's typed connectors: pure types over core's `ConnectorTypes`, so the hooks check entity,
// action and params exactly as `ws.connector("stripe").execute(...)` does, with no runtime bytes.
import type { ConnectorSlug, ConnectorTypes, TypedParams } from "@airbyte-agents/core";

type EntitiesOf<S extends ConnectorSlug> = ConnectorTypes[S] extends { entities: infer E } ? E : never;
type OperationOf<S extends ConnectorSlug, E, A> = E extends keyof EntitiesOf<S>
  ? A extends keyof EntitiesOf<S>[E]
    ? EntitiesOf<S>[E][A]
    : never
  : never;
type ActionName<S extends ConnectorSlug, E> = E extends keyof EntitiesOf<S> ? keyof EntitiesOf<S>[E] & string : never;

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
 * The entities of a typed connector.
 *
 * @example
 * ```ts
 * const entity: EntityOf<"stripe"> = "customers";
 * ```
 */
export type EntityOf<S extends ConnectorSlug> = keyof EntitiesOf<S> & string;

/**
 * The actions `execute` runs on one entity (every action but `download`, which streams bytes).
 *
 * @example
 * ```ts
 * const action: ExecuteActionOf<"stripe", "customers"> = "list";
 * ```
 */
export type ExecuteActionOf<S extends ConnectorSlug, E> = {
  [A in ActionName<S, E>]: OperationOf<S, E, A> extends { download: true } ? never : A;
}[ActionName<S, E>];

/**
 * The actions of one entity that page (their spec names a cursor parameter).
 *
 * @example
 * ```ts
 * const action: PagedActionOf<"github", "issues"> = "list";
 * ```
 */
export type PagedActionOf<S extends ConnectorSlug, E> = {
  [A in ActionName<S, E>]: OperationOf<S, E, A> extends { cursor: string } ? A : never;
}[ActionName<S, E>];

/**
 * The entities of a typed connector that have a `download` action.
 *
 * @example
 * ```ts
 * const entity: DownloadEntityOf<"zendesk-support"> = "attachments";
 * ```
 */
export type DownloadEntityOf<S extends ConnectorSlug> = {
  [E in EntityOf<S>]: "download" extends ActionName<S, E> ? E : never;
}[EntityOf<S>];

/** The operation's `data` type (after the spec's record extractor). */
type DataOf<S extends ConnectorSlug, E, A> = OperationOf<S, E, A> extends { data: infer T } ? T : unknown;

/**
 * The connector's own metadata of one operation (`meta.raw`).
 *
 * @example
 * ```ts
 * const raw: TypedMeta<"stripe", "customers", "list"> = { has_more: true };
 * ```
 */
export type TypedMeta<S extends ConnectorSlug, E, A> = OperationOf<S, E, A> extends { meta: infer M } ? M : Record<string, unknown>;

/**
 * The items one result holds: the list itself, or a search result's `data` (as core's `paginate()` unwraps them).
 * This is how every paged hook turns a result's data type into the item type of its pages.
 *
 * @example
 * ```ts
 * type Customer = ItemOf<Stripe.Customer[]>;
 * type Hit = ItemOf<{ data: Hit[]; meta: unknown }>;
 * ```
 */
export type ItemOf<T> = T extends readonly (infer I)[] ? I : T extends { data: readonly (infer I)[] } ? I : unknown;

/**
 * The item type of a typed paged operation (what each page's `data` array holds).
 *
 * @example
 * ```ts
 * const customer: TypedItem<"stripe", "customers", "list"> = page.data[0];
 * ```
 */
export type TypedItem<S extends ConnectorSlug, E, A> = ItemOf<DataOf<S, E, A>>;

/**
 * The params of a paged operation without its cursor parameter, which the paged hooks send themselves.
 *
 * @example
 * ```ts
 * const params: TypedPageParams<"stripe", "customers", "list"> = { limit: 50 }; // no starting_after
 * ```
 */
export type TypedPageParams<S extends ConnectorSlug, E extends string, A extends string> = Omit<
  TypedParams<S, E, A>,
  OperationOf<S, E, A> extends { cursor: infer C extends string } ? C : never
>;

/**
 * The params of a typed `download`.
 *
 * @example
 * ```ts
 * const params: TypedDownloadParams<"zendesk-support", "attachments"> = { attachment_id: 1 };
 * ```
 */
export type TypedDownloadParams<S extends ConnectorSlug, E extends string> = TypedParams<S, E, "download">;

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
