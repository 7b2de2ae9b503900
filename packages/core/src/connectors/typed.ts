// The compile-time side of typed connectors: pure types over the generated map, no runtime bytes.
import type { ConnectorHandle, PaginateOptions } from "../resources/connector";
import type { ExecuteOptions, ExecutionResult } from "../resources/execution-result";
import type { PageIterator } from "../resources/page-iterator";
import type { CallOptions } from "../transport/transport";
import type { GeneratedConnectorTypes } from "./generated/index";

/**
 * The connectors the SDK knows at compile time, by slug: the 51 published ones, generated from their specs. Add
 * your own by module augmentation; an action's `cursor` names the parameter `paginate()` sends the cursor in (give
 * it at run time too, with the `cursorParam` option, for connectors the SDK has no catalog for).
 *
 * @example
 * ```ts
 * declare module "@airbyte-agents/core" {
 *   interface ConnectorTypes {
 *     "my-crm": {
 *       entities: { contacts: { list: { params: { limit?: number }; data: { id: string }[]; meta: {} } } };
 *       credentials: { api_key: string };
 *       replicationConfig: {};
 *     };
 *   }
 * }
 * ```
 */
export interface ConnectorTypes extends GeneratedConnectorTypes {}

/**
 * A slug the SDK has types for (`"stripe"`, `"github"`, …, and any added to {@link ConnectorTypes}).
 *
 * @example
 * ```ts
 * const slug: ConnectorSlug = "zendesk-support";
 * ```
 */
export type ConnectorSlug = keyof ConnectorTypes & string;

type Def<S extends ConnectorSlug> = ConnectorTypes[S];
type EntitiesOf<D> = D extends { entities: infer E } ? E : never;
type OperationOf<D, E, A> = E extends keyof EntitiesOf<D> ? (A extends keyof EntitiesOf<D>[E] ? EntitiesOf<D>[E][A] : never) : never;
type ParamsOf<O> = O extends { params: infer P } ? P : Record<string, unknown>;
type DataOf<O> = O extends { data: infer T } ? T : unknown;
type MetaOf<O> = O extends { meta: infer M } ? M : Record<string, unknown>;
type CursorOf<O> = O extends { cursor: infer C extends string } ? C : never;

/** `params` is optional exactly when every parameter is. */
type Args<P, O> = Record<never, never> extends P ? [params?: P, options?: O] : [params: P, options?: O];

type EntityName<D> = keyof EntitiesOf<D> & string;
type ActionName<D, E> = E extends keyof EntitiesOf<D> ? keyof EntitiesOf<D>[E] & string : never;
type ExecuteActionName<D, E> = { [A in ActionName<D, E>]: OperationOf<D, E, A> extends { download: true } ? never : A }[ActionName<D, E>];
type PagedActionName<D, E> = { [A in ActionName<D, E>]: OperationOf<D, E, A> extends { cursor: string } ? A : never }[ActionName<D, E>];
type DownloadEntityName<D> = { [E in EntityName<D>]: "download" extends ActionName<D, E> ? E : never }[EntityName<D>];

/** `balance_transactions` -> `balanceTransactions`, `api_search` -> `apiSearch`. */
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/**
 * The result of one typed operation: `data` after the spec's record extractor, `meta.raw` the connector's own
 * metadata keys.
 *
 * @example
 * ```ts
 * const page: TypedResult<"stripe", "customers", "list"> = await stripe.execute("customers", "list", { limit: 10 });
 * ```
 */
export type TypedResult<S extends ConnectorSlug, E extends string, A extends string> = ExecutionResult<
  DataOf<OperationOf<Def<S>, E, A>>,
  MetaOf<OperationOf<Def<S>, E, A>>
>;

/**
 * The parameters of one typed operation.
 *
 * @example
 * ```ts
 * const params: TypedParams<"github", "issues", "list"> = { owner: "acme", repo: "app", states: ["OPEN"] };
 * ```
 */
export type TypedParams<S extends ConnectorSlug, E extends string, A extends string> = ParamsOf<OperationOf<Def<S>, E, A>>;

/**
 * The entities of a typed connector.
 *
 * @example
 * ```ts
 * const entity: EntityOf<"stripe"> = "customers";
 * ```
 */
export type EntityOf<S extends ConnectorSlug> = keyof (Def<S> extends { entities: infer En } ? En : never) & string;

/**
 * The actions `execute` runs on one entity of a typed connector (every action but `download`, which streams bytes).
 *
 * @example
 * ```ts
 * const action: ExecuteActionOf<"stripe", "customers"> = "list";
 * ```
 */
export type ExecuteActionOf<S extends ConnectorSlug, E> = ExecuteActionName<Def<S>, E>;

/**
 * The actions of one entity that page (their spec names a cursor parameter): what `paginate` takes.
 *
 * @example
 * ```ts
 * const action: PagedActionOf<"github", "issues"> = "list";
 * ```
 */
export type PagedActionOf<S extends ConnectorSlug, E> = PagedActionName<Def<S>, E>;

/**
 * The entities of a typed connector that have a `download` action.
 *
 * @example
 * ```ts
 * const entity: DownloadEntityOf<"zendesk-support"> = "attachments";
 * ```
 */
export type DownloadEntityOf<S extends ConnectorSlug> = {
  [E in EntityOf<S>]: [OperationOf<Def<S>, E, "download">] extends [never] ? never : E;
}[EntityOf<S>];

/**
 * The items one result holds: the list itself, or a search result's `data` (what `paginate()` yields).
 *
 * @example
 * ```ts
 * type Customer = ItemOf<TypedResult<"stripe", "customers", "list">["data"]>;
 * ```
 */
export type ItemOf<T> = T extends readonly (infer I)[] ? I : T extends { data: readonly (infer I)[] } ? I : unknown;

/**
 * The connector's own metadata of one typed operation (`result.meta.raw`).
 *
 * @example
 * ```ts
 * const raw: TypedMeta<"stripe", "customers", "list"> = { has_more: true };
 * ```
 */
export type TypedMeta<S extends ConnectorSlug, E, A> = MetaOf<OperationOf<Def<S>, E, A>>;

/**
 * The item type of a typed paged operation: what `paginate()` yields and each page's `data` array holds.
 *
 * @example
 * ```ts
 * for await (const customer of stripe.customers.paginate()) {
 *   const item: TypedItem<"stripe", "customers", "list"> = customer;
 * }
 * ```
 */
export type TypedItem<S extends ConnectorSlug, E, A> = PageItemOf<OperationOf<Def<S>, E, A>>;

/**
 * What `paginate()` yields of one generated operation type: the records of each page, or the page itself where the
 * page is one record (`pageIsRecord`: Amazon Seller Partner's financial events, one object of event lists per page).
 * {@link TypedItem} names it by slug, entity and action.
 *
 * @example
 * ```ts
 * type Customer = PageItemOf<ConnectorTypes["stripe"]["entities"]["customers"]["list"]>;
 * ```
 */
export type PageItemOf<Op> = Op extends { pageIsRecord: true } ? DataOf<Op> : ItemOf<DataOf<Op>>;

/**
 * The parameters of a paged operation without its cursor parameter, which `paginate()` sends itself.
 *
 * @example
 * ```ts
 * const params: TypedPageParams<"stripe", "customers", "list"> = { limit: 50 }; // no starting_after
 * ```
 */
export type TypedPageParams<S extends ConnectorSlug, E extends string, A extends string> = Omit<
  TypedParams<S, E, A>,
  OperationOf<Def<S>, E, A> extends { cursor: infer C extends string } ? C : never
>;

/**
 * The parameters of a typed `download`.
 *
 * @example
 * ```ts
 * const params: TypedDownloadParams<"zendesk-support", "attachments"> = { attachment_id: 1 };
 * ```
 */
export type TypedDownloadParams<S extends ConnectorSlug, E extends string> = TypedParams<S, E, "download">;

type Operations<D, H> = {
  /**
   * Runs one operation; entity, action and parameters are checked against the connector's spec at compile time and
   * before anything is sent.
   */
  execute<E extends EntityName<D>, A extends ExecuteActionName<D, E>>(
    entity: E,
    action: A,
    ...args: Args<ParamsOf<OperationOf<D, E, A>>, ExecuteOptions & CallOptions>
  ): Promise<ExecutionResult<DataOf<OperationOf<D, E, A>>, MetaOf<OperationOf<D, E, A>>>>;
  /** Iterates every item of a paginated operation, sending the connector's own cursor parameter. */
  paginate<E extends EntityName<D>, A extends PagedActionName<D, E>>(
    entity: E,
    action: A,
    ...args: Args<Omit<ParamsOf<OperationOf<D, E, A>>, CursorOf<OperationOf<D, E, A>>>, PaginateOptions>
  ): PageIterator<PageItemOf<OperationOf<D, E, A>>>;
  /** Streams a file (the `download` action). */
  download<E extends DownloadEntityName<D>>(
    entity: E,
    ...args: Args<ParamsOf<OperationOf<D, E, "download">>, CallOptions>
  ): Promise<ReadableStream<Uint8Array>>;
} & Omit<H, "execute" | "paginate" | "download" | "type">;

type Shortcut<Op> = Op extends { download: true }
  ? (...args: Args<ParamsOf<Op>, CallOptions>) => Promise<ReadableStream<Uint8Array>>
  : (...args: Args<ParamsOf<Op>, ExecuteOptions & CallOptions>) => Promise<ExecutionResult<DataOf<Op>, MetaOf<Op>>>;

// Mapped straight over the generated actions, so each shortcut keeps the spec's TSDoc on hover: a key renamed by
// `as` loses its documentation in TypeScript, a key kept or filtered out does not. So one-word actions (list, get,
// create, update, delete, download, search) keep their names and docs; the renamed ones (api_search -> apiSearch,
// context_store_search -> contextStoreSearch) are mapped over the connector's generated `shortcuts` names, whose
// members carry the hover (the spec's prose and an example). A connector without them (your own, by augmentation)
// gets the renamed keys without a hover.
type Renamed<Names, Actions> = { [K in keyof Names]: Names[K] extends keyof Actions ? Shortcut<Actions[Names[K]]> : never };
type ActionShortcuts<Actions, Names> = {
  [A in keyof Actions as A extends `${string}_${string}` ? never : A]: Shortcut<Actions[A]>;
} & ([Names] extends [never]
  ? { [A in keyof Actions as A extends `${string}_${string}` ? Camel<A & string> : never]: Shortcut<Actions[A]> }
  : Renamed<Names, Actions>) &
  (Actions extends { list: { cursor: string } }
    ? {
        /** Iterates every record of `list`, page by page, with the connector's own cursor parameter. */
        paginate(
          ...args: Args<Omit<ParamsOf<Actions["list"]>, CursorOf<Actions["list"]>>, PaginateOptions>
        ): PageIterator<PageItemOf<Actions["list"]>>;
      }
    : Record<never, never>);

type ShortcutNamesOf<D, E> = D extends { shortcuts: infer N } ? (E extends keyof N ? N[E] : Record<never, never>) : never;
type EntityShortcuts<D> = {
  readonly [E in keyof EntitiesOf<D> as Camel<E & string>]: ActionShortcuts<EntitiesOf<D>[E], ShortcutNamesOf<D, E>>;
};

/**
 * A connector handle typed from its spec: `execute`, `paginate` and `download` check entity, action and parameters
 * at compile time, and every entity has shortcuts (`stripe.customers.list({ limit: 10 })`,
 * `stripe.customers.paginate()`, `stripe.balanceTransactions.get({ id })`).
 *
 * @example
 * ```ts
 * const stripe: TypedConnector<"stripe"> = ws.connector("stripe");
 * const { data } = await stripe.customers.list({ limit: 10 });
 * for await (const customer of stripe.customers.paginate({ limit: 100 })) console.log(customer.email);
 * ```
 */
export type TypedConnector<S extends ConnectorSlug, H = ConnectorHandle> = Operations<Def<S>, H> &
  EntityShortcuts<Def<S>> & {
    /**
     * The connector's slug (`"stripe"` for `ws.connector("stripe")` and for `ws.connector({ connectorId, type: "stripe" })`).
     *
     * @example
     * ```ts
     * const slug: "stripe" = ws.connector("stripe").type;
     * ```
     */
    readonly type: S;
  };

/**
 * Credentials of a connector, one shape per auth scheme (the scheme's own fields, or the replication form the Airbyte
 * docs show, e.g. GitHub's `{ option_title: "PAT Credentials", personal_access_token }`).
 *
 * @example
 * ```ts
 * const credentials: ConnectorCredentials<"stripe"> = { api_key: "sk_test_…" };
 * ```
 */
export type ConnectorCredentials<S extends ConnectorSlug> = Def<S> extends { credentials: infer C } ? C : Record<string, unknown>;

/**
 * The replication settings of a connector (GitHub's `repositories`, Stripe's `account_id`, …).
 *
 * @example
 * ```ts
 * const replicationConfig: ConnectorReplicationConfig<"github"> = { repositories: ["acme/app"] };
 * ```
 */
export type ConnectorReplicationConfig<S extends ConnectorSlug> =
  Def<S> extends { replicationConfig: infer R } ? R : Record<string, unknown>;
