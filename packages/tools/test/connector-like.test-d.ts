// Compile-time only (tsc -p tsconfig.test.json): every kind of handle is a ConnectorLike, typed for one slug or not.
import type { WorkspaceClient } from "@airbyte-agents/core";
import { type ConnectorLike, connectorTools } from "../src/index";

declare const ws: WorkspaceClient;

export const typed: ConnectorLike = ws.connector("stripe");
export const typedById: ConnectorLike = ws.connector({ connectorId: "0afbebfc-3d87-49f9-89b5-80a2e69df485", type: "github" });
export const untyped: ConnectorLike = ws.connector({ connectorId: "0afbebfc-3d87-49f9-89b5-80a2e69df485" });
export const tools = [connectorTools(ws.connector("google-ads")), connectorTools(ws.connector("zendesk-support"), { mode: "actions" })];
// @ts-expect-error a plain object is not a handle
export const notAHandle: ConnectorLike = { execute: () => undefined };
