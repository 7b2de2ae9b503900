import type { ConnectorInfo } from "@airbyte-agents/core";
import { type ConnectorCatalog, describeConnector } from "@airbyte-agents/core/browser";
import { useConnector } from "@airbyte-agents/react";
import { useQuery } from "@tanstack/react-query";
import { slugOf } from "../operations";
import { type Preset, presetsFrom } from "./presets";

/** What the SDK's catalog says about a connector (no request: core loads the slug's catalog chunk). */
export function useCatalog(connector: Pick<ConnectorInfo, "connectorName" | "connectorType"> | undefined) {
  const slug = connector ? slugOf(connector) : undefined;
  return useQuery<ConnectorCatalog | null>({
    queryKey: ["playground", "catalog", slug],
    // A connector the SDK has no catalog for gets no presets, not an error.
    queryFn: () => (slug ? describeConnector(slug).catch(() => null) : null),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: slug !== undefined,
  });
}

/** Presets for the selected connector: its catalog's list actions, filled from its own replication settings. */
export function usePresets(connector: ConnectorInfo | undefined): { presets: Preset[]; ready: boolean } {
  const catalog = useCatalog(connector);
  const details = useConnector({ connectorId: connector?.id ?? "" }, { enabled: connector !== undefined });
  const ready = catalog.isFetched && (details.isFetched || details.isError);
  const presets = catalog.data ? presetsFrom(catalog.data, details.data?.replicationConfig) : [];
  return { presets, ready };
}
