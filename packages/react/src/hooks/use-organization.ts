import type { AirbyteError, Automation, Definition, Workflow } from "@airbyte-agents/core";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { withWorkspace } from "../defined";
import {
  type DefinitionsQueryInput,
  definitionsQueryOptions,
  type WorkspacePage,
  type WorkspacesQueryInput,
  workspacesQueryOptions,
} from "../options/organization";
import { type AutomationsQueryInput, automationsQueryOptions, type WorkflowsQueryInput, workflowsQueryOptions } from "../options/workflows";
import { useAirbyteContext } from "../provider";

/**
 * The connector catalog (`airbyte.definitions.list()`), optionally filtered by name. Needs a server-style client.
 *
 * @example
 * ```tsx
 * const { data: definitions } = useDefinitions({ name: "github", staleTime: Number.POSITIVE_INFINITY });
 * ```
 */
export function useDefinitions<TData = Definition[]>(options: DefinitionsQueryInput<TData> = {}): UseQueryResult<TData, AirbyteError> {
  const { client } = useAirbyteContext();
  return useQuery(definitionsQueryOptions(client, options));
}

/**
 * One page of the organization's workspaces (`airbyte.workspaces.list()`); pass `cursor: data.nextCursor` for the
 * next. Needs a server-style client.
 *
 * @example
 * ```tsx
 * const { data } = useWorkspaces({ status: "active", limit: 50 });
 * data?.data.map((ws) => ws.name);
 * ```
 */
export function useWorkspaces<TData = WorkspacePage>(options: WorkspacesQueryInput<TData> = {}): UseQueryResult<TData, AirbyteError> {
  const { client } = useAirbyteContext();
  return useQuery(workspacesQueryOptions(client, options));
}

/**
 * The workflows of the provider's workspace (`ws.workflows.list()`, preview).
 *
 * @example
 * ```tsx
 * const { data: workflows } = useWorkflows();
 * ```
 */
export function useWorkflows<TData = Workflow[]>(options: WorkflowsQueryInput<TData> = {}): UseQueryResult<TData, AirbyteError> {
  const { client, workspace } = useAirbyteContext();
  return useQuery(workflowsQueryOptions(client, withWorkspace(options, workspace)));
}

/**
 * Automations of one workflow, or of the whole workspace without `workflowId` (`ws.automations.list()`, preview).
 *
 * @example
 * ```tsx
 * const { data: automations } = useAutomations({ workflowId });
 * ```
 */
export function useAutomations<TData = Automation[]>(options: AutomationsQueryInput<TData> = {}): UseQueryResult<TData, AirbyteError> {
  const { client, workspace } = useAirbyteContext();
  return useQuery(automationsQueryOptions(client, withWorkspace(options, workspace)));
}
