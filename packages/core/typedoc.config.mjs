// TypeDoc's view of core (the root typedoc.config.mjs runs it): the two entry points, and the types public
// signatures name without core exporting them. TypeDoc warns about such a type (an error in CI) unless it is
// listed here; the reference then shows its name without a page.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const generated = path.join(import.meta.dirname, "src/connectors/generated");

// The 51 generated per-connector interfaces (ConnectorTypes' values, thousands of lines each): docs/connectors has
// a generated page per connector, and TypedConnector<"stripe"> is the name users write.
const connectorInterfaces = readdirSync(generated)
  .filter((file) => file.endsWith(".types.ts"))
  .flatMap((file) =>
    [...readFileSync(path.join(generated, file), "utf8").matchAll(/^export interface (\w+Connector) /gm)].map((m) => m[1]),
  );

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  entryPoints: ["src/index.ts", "src/browser.ts"],
  tsconfig: "tsconfig.json",
  intentionallyNotExported: [
    ...connectorInterfaces,
    // Type-level plumbing of the typed connectors: TypedParams, TypedResult, TypedConnector are built from these.
    "Def",
    "Operations",
    "EntityShortcuts",
    "CreateConnectorFields",
    "ParamsOf",
    "OperationOf",
    "DataOf",
    "MetaOf",
    "ExecuteActionName",
    "PagedActionName",
    // What the client hands the resource classes it constructs; users get the instances from createClient(). (The
    // classes loaded on first call are exported as types, so their constructors' ResourceContext is not referenced.)
    "WorkspaceScope",
    "WorkspaceImpl",
    // Public shapes index.ts does not export yet (error constructor options and toJSON() results, ValidationIssue,
    // ConnectorCandidate, ResolvedClientOptions). Exporting them is a code change; then drop them from this list.
    "AirbyteErrorOptions",
    "ApiErrorInit",
    "ApiErrorFromInput",
    "ApiErrorJSON",
    "ConnectorCandidate",
    "ConnectorResolutionErrorJSON",
    "ConnectorResolutionErrorOptions",
    "ResolvedClientOptions",
    "TimeoutErrorOptions",
    "TokenErrorOptions",
    "ValidationErrorJSON",
    "ValidationErrorOptions",
    "ValidationIssue",
    "SchemaIssue",
  ],
};
