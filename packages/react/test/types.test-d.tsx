import type {
  AirbyteClient,
  AirbyteError,
  AskResult,
  Connector,
  ConnectorInfo,
  Definition,
  ExecutionResult,
  TypedResult,
  WorkspaceClient,
} from "@airbyte-agents/core";
import { createWidgetClient, openConnectWidget, type WidgetClient } from "@airbyte-agents/core/browser";
import {
  type InfiniteData,
  QueryClient,
  type UseMutationResult,
  type UseQueryResult,
  type UseSuspenseQueryResult,
  useInfiniteQuery,
  useQuery,
  useSuspenseQuery,
} from "@tanstack/react-query";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AirbyteClientLike,
  AirbyteProvider,
  type AirbyteWidgetClientLike,
  airbyteKeys,
  connectorsQueryOptions,
  definitionsQueryOptions,
  type ExecutePage,
  executeInfiniteQueryOptions,
  executeQueryOptions,
  type OpenConnectWidget,
  useAirbyteClient,
  useAsk,
  useConnector,
  useConnectors,
  useConnectWidget,
  useCreateConnector,
  useDefinitions,
  useDeleteConnector,
  useDownload,
  useExecute,
  useInfiniteExecute,
  useSuspenseConnectors,
  useSuspenseExecute,
  useUpdateConnector,
  useWorkflows,
  useWorkspaces,
  workspacesQueryOptions,
} from "../src/index";

declare const airbyte: AirbyteClient;
interface Customer {
  id: string;
  email: string;
}

describe("clients", () => {
  it("core's server client and workspace client fit the structural types", () => {
    expectTypeOf<AirbyteClient>().toExtend<AirbyteClientLike>();
    expectTypeOf<WorkspaceClient>().toExtend<AirbyteWidgetClientLike>();
    expectTypeOf(useAirbyteClient()).toEqualTypeOf<AirbyteClientLike>();
  });

  it("core's browser entry fits: createWidgetClient() as a client, openConnectWidget as the opener", () => {
    expectTypeOf<WidgetClient>().toExtend<AirbyteClientLike>();
    expectTypeOf(openConnectWidget).toExtend<OpenConnectWidget>();
    const browser = createWidgetClient({ getToken: async () => "token" });
    expectTypeOf(AirbyteProvider).toBeCallableWith({ client: browser, openConnectWidget });
    expectTypeOf(useConnectWidget({ openConnectWidget }).error).toEqualTypeOf<Error | null>();
  });

  it("accepts a hand-written opener with plain optional properties and a narrower event union", () => {
    type Event = { type: "connector.created"; connectorId: string } | { type: "close" };
    const open = (_options: { token: string; onEvent?: (event: Event) => void; container?: HTMLElement }) => ({ open() {}, close() {} });
    expectTypeOf(open).toExtend<OpenConnectWidget>();
  });
});

describe("query hooks: data and error types", () => {
  it("useConnectors", () => {
    expectTypeOf(useConnectors()).toEqualTypeOf<UseQueryResult<ConnectorInfo[], AirbyteError>>();
    expectTypeOf(useConnectors({ select: (list) => list.length }).data).toEqualTypeOf<number | undefined>();
    // @ts-expect-error a typo is an error, not a silently ignored option
    useConnectors({ stallTime: 1000 });
  });

  it("useConnector", () => {
    expectTypeOf(useConnector("stripe")).toEqualTypeOf<UseQueryResult<Connector, AirbyteError>>();
    expectTypeOf(useConnector({ connectorId: "id" }, { select: (c) => c.name }).data).toEqualTypeOf<string | undefined>();
  });

  it("useExecute: typed for published connectors, T is the data type for the others", () => {
    expectTypeOf(useExecute("stripe", "customers", "list").data).toEqualTypeOf<TypedResult<"stripe", "customers", "list"> | undefined>();
    const typed = useExecute<Customer[]>("my-crm", "customers", "list", { limit: 5 }, { selectFields: ["id"] });
    expectTypeOf(typed.data).toEqualTypeOf<ExecutionResult<Customer[]> | undefined>();
    expectTypeOf(typed.error).toEqualTypeOf<AirbyteError | null>();
    const emails = useExecute<Customer[], string[]>("my-crm", "customers", "list", {}, { select: (r) => r.data.map((c) => c.email) });
    expectTypeOf(emails.data).toEqualTypeOf<string[] | undefined>();
  });

  it("useInfiniteExecute: the same T as useExecute, pages hold its items", () => {
    const pages = useInfiniteExecute<Customer[]>("my-crm", "customers", "list", { limit: 100 });
    expectTypeOf(pages.data).toEqualTypeOf<InfiniteData<ExecutionResult<Customer[]>, string | null> | undefined>();
    expectTypeOf(pages.error).toEqualTypeOf<AirbyteError | null>();
    const flat = useInfiniteExecute<Customer[], Customer[]>(
      "my-crm",
      "customers",
      "list",
      {},
      { select: (d) => d.pages.flatMap((p) => p.data) },
    );
    expectTypeOf(flat.data).toEqualTypeOf<Customer[] | undefined>();
  });

  it("suspense hooks have defined data", () => {
    expectTypeOf(useSuspenseConnectors()).toEqualTypeOf<UseSuspenseQueryResult<ConnectorInfo[], AirbyteError>>();
    expectTypeOf(useSuspenseConnectors().data).toEqualTypeOf<ConnectorInfo[]>();
    expectTypeOf(useSuspenseExecute<Customer[]>("my-crm", "customers", "list").data).toEqualTypeOf<ExecutionResult<Customer[]>>();
    // @ts-expect-error suspense decides when to fetch: no `enabled`
    useSuspenseConnectors({ enabled: false });
  });

  it("organization and workflow hooks", () => {
    expectTypeOf(useDefinitions().data).toEqualTypeOf<Definition[] | undefined>();
    expectTypeOf(useWorkspaces().data?.nextCursor).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(useWorkflows().error).toEqualTypeOf<AirbyteError | null>();
  });
});

describe("mutation hooks", () => {
  it("connector writes", () => {
    expectTypeOf(useCreateConnector()).toEqualTypeOf<
      UseMutationResult<Connector, AirbyteError, import("@airbyte-agents/core").CreateConnectorInput>
    >();
    expectTypeOf(useUpdateConnector().mutate)
      .parameter(0)
      .toEqualTypeOf<import("@airbyte-agents/core").UpdateConnectorInput & { connectorId: string }>();
    expectTypeOf(useDeleteConnector().mutate).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(useDeleteConnector().error).toEqualTypeOf<AirbyteError | null>();
    // @ts-expect-error delete takes the connector's id
    useDeleteConnector().mutate(42);
  });

  it("download, as a Blob or a stream", () => {
    expectTypeOf(useDownload().data).toEqualTypeOf<Blob | undefined>();
    expectTypeOf(useDownload({ as: "stream" }).data).toEqualTypeOf<ReadableStream<Uint8Array> | undefined>();
  });

  it("ask", () => {
    expectTypeOf(useAsk()).toEqualTypeOf<UseMutationResult<AskResult, AirbyteError, string>>();
  });
});

describe("option factories", () => {
  const queryClient = new QueryClient();

  it("carry data and error types into useQuery and the QueryClient", () => {
    const connectors = connectorsQueryOptions(airbyte, { workspace: "acme" });
    expectTypeOf(useQuery(connectors).data).toEqualTypeOf<ConnectorInfo[] | undefined>();
    expectTypeOf(useQuery(connectors).error).toEqualTypeOf<AirbyteError | null>();
    expectTypeOf(useSuspenseQuery(connectors).data).toEqualTypeOf<ConnectorInfo[]>();
    expectTypeOf(queryClient.getQueryData(connectors.queryKey)).toEqualTypeOf<ConnectorInfo[] | undefined>();
    expectTypeOf(queryClient.prefetchQuery(connectors)).toEqualTypeOf<Promise<void>>();
    const customers = executeQueryOptions<Customer[]>(airbyte, { connector: "my-crm", entity: "customers", action: "list" });
    expectTypeOf(queryClient.fetchQuery(customers)).toEqualTypeOf<Promise<ExecutionResult<Customer[]>>>();
    expectTypeOf(useQuery(definitionsQueryOptions(airbyte)).data).toEqualTypeOf<Definition[] | undefined>();
    expectTypeOf(useQuery(workspacesQueryOptions(airbyte, { limit: 10 })).error).toEqualTypeOf<AirbyteError | null>();
  });

  it("infinite options page with core's cursor model", () => {
    const options = executeInfiniteQueryOptions<Customer[]>(airbyte, { connector: "my-crm", entity: "customers", action: "list" });
    expectTypeOf(useInfiniteQuery(options).data).toEqualTypeOf<InfiniteData<ExecutePage<Customer>, string | null> | undefined>();
    expectTypeOf(options.initialPageParam).toEqualTypeOf<string | null>();
  });

  it("reject bad input", () => {
    // @ts-expect-error entity and action are required
    executeQueryOptions(airbyte, { connector: "stripe" });
    // @ts-expect-error the key comes from the factory
    connectorsQueryOptions(airbyte, { queryKey: ["mine"] });
  });

  it("keys are readonly tuples rooted at ['airbyte', { workspace }]", () => {
    expectTypeOf(airbyteKeys.scope("acme")).toEqualTypeOf<readonly ["airbyte", { readonly workspace: string }]>();
    expectTypeOf(airbyteKeys.connectorLists("acme")).toEqualTypeOf<
      readonly ["airbyte", { readonly workspace: string }, "connectors", "list"]
    >();
  });
});
