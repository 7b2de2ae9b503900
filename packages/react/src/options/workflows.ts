import type { AirbyteError, AskResult, Automation, Workflow } from "@airbyte-agents/core";
import { queryOptions, type UseMutationOptions } from "@tanstack/react-query";
import { type AirbyteClientLike, required, resolveWorkspaceName, workspaceOf } from "../client-like";
import { airbyteKeys } from "../keys";
import type { AirbyteMutationOptions, AirbyteQueryOptions, WorkspaceInput } from "../query-types";

/**
 * The key of a workflow list query.
 *
 * @example
 * ```ts
 * const key: WorkflowListKey = airbyteKeys.workflowList("acme");
 * ```
 */
export type WorkflowListKey = ReturnType<typeof airbyteKeys.workflowList>;

/**
 * The key of an automations query.
 *
 * @example
 * ```ts
 * const key: AutomationsKey = airbyteKeys.automations("acme", workflowId);
 * ```
 */
export type AutomationsKey = ReturnType<typeof airbyteKeys.automations>;

/**
 * Input of {@link workflowsQueryOptions}.
 *
 * @example
 * ```ts
 * const input: WorkflowsQueryInput = { workspace: "acme", staleTime: 60_000 };
 * ```
 */
export type WorkflowsQueryInput<TData = Workflow[]> = WorkspaceInput & AirbyteQueryOptions<Workflow[], TData, WorkflowListKey>;

/**
 * Query options for a workspace's workflows (`ws.workflows.list()`, preview).
 *
 * @example
 * ```ts
 * const { data: workflows } = useQuery(workflowsQueryOptions(airbyte, { workspace: "acme" }));
 * ```
 */
export function workflowsQueryOptions<TData = Workflow[]>(client: AirbyteClientLike, input: WorkflowsQueryInput<TData> = {}) {
  const { workspace: asked, request, ...query } = input;
  const workspace = resolveWorkspaceName(client, asked);
  return queryOptions<Workflow[], AirbyteError, TData, WorkflowListKey>({
    ...query,
    queryKey: airbyteKeys.workflowList(workspace),
    queryFn: async ({ signal }) => {
      const workflows = workspaceOf(client, workspace).workflows;
      return required(workflows?.list.bind(workflows), "workflows.list")({ ...request, signal });
    },
  });
}

/**
 * Input of {@link automationsQueryOptions}: one workflow's automations, or every automation of the workspace when
 * `workflowId` is left out.
 *
 * @example
 * ```ts
 * const input: AutomationsQueryInput = { workspace: "acme", workflowId };
 * ```
 */
export type AutomationsQueryInput<TData = Automation[]> = WorkspaceInput & { workflowId?: string } & AirbyteQueryOptions<
    Automation[],
    TData,
    AutomationsKey
  >;

/**
 * Query options for automations (`ws.automations.list(workflowId?)`, preview).
 *
 * @example
 * ```ts
 * const { data: automations } = useQuery(automationsQueryOptions(airbyte, { workspace: "acme", workflowId }));
 * ```
 */
export function automationsQueryOptions<TData = Automation[]>(client: AirbyteClientLike, input: AutomationsQueryInput<TData> = {}) {
  const { workspace: asked, workflowId, request, ...query } = input;
  const workspace = resolveWorkspaceName(client, asked);
  return queryOptions<Automation[], AirbyteError, TData, AutomationsKey>({
    ...query,
    queryKey: airbyteKeys.automations(workspace, workflowId),
    queryFn: async ({ signal }) => {
      const automations = workspaceOf(client, workspace).automations;
      return required(automations?.list.bind(automations), "automations.list")(workflowId, { ...request, signal });
    },
  });
}

/**
 * Input of {@link askMutationOptions}.
 *
 * @example
 * ```ts
 * const input: AskMutationInput = { workspace: "acme", onSuccess: (result) => console.log(result.answer) };
 * ```
 */
export type AskMutationInput = WorkspaceInput & AirbyteMutationOptions<AskResult, string>;

/**
 * Mutation options that ask a natural-language question across the workspace's connectors (`ws.ask()`, preview).
 * A mutation, not a query: every question runs live connector calls.
 *
 * @example
 * ```ts
 * const ask = useMutation(askMutationOptions(airbyte, { workspace: "acme" }));
 * const { answer } = await ask.mutateAsync("How many open Linear issues do we have?");
 * ```
 */
export function askMutationOptions(
  client: AirbyteClientLike,
  input: AskMutationInput = {},
): UseMutationOptions<AskResult, AirbyteError, string> {
  const { workspace: asked, request, ...rest } = input;
  const workspace = resolveWorkspaceName(client, asked);
  return {
    mutationKey: airbyteKeys.ask(workspace),
    ...rest,
    mutationFn: (prompt) => {
      const ws = workspaceOf(client, workspace);
      return required(ws.ask?.bind(ws), "ask")(prompt, request);
    },
  };
}
