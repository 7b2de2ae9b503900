// The exact SDK code an action ran, in core's and React's form, with the action's real arguments. The playground
// renders these beside each action so a reader can paste them into an app.

/** One action's code: how core's widget client calls it, and how a React component does. */
export interface Snippet {
  readonly title: string;
  readonly core: string;
  readonly react: string;
}

// JSON literals read as TypeScript object literals; two-space indent keeps them aligned with the code around.
function literal(value: unknown, indent = ""): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** The connector reference the playground passes: `{ connectorId, type }` (the type makes paging spec-aware). */
function refLiteral(connectorId: string, type: string | undefined): string {
  return type === undefined
    ? `{ connectorId: ${literal(connectorId)} }`
    : `{ connectorId: ${literal(connectorId)}, type: ${literal(type)} }`;
}

/** `execute` of the first page (core), `useInfiniteExecute` whose "Load more" sends the next cursor (React). */
export function executeSnippet(op: {
  connectorId: string;
  type: string | undefined;
  entity: string;
  action: string;
  params: Record<string, unknown>;
}): Snippet {
  const ref = refLiteral(op.connectorId, op.type);
  const args = `${literal(op.entity)}, ${literal(op.action)}, ${literal(op.params, "  ")}`;
  return {
    title: `${op.entity}.${op.action}`,
    core: `import { createWidgetClient } from "@airbyte-agents/core/browser";

const client = createWidgetClient({ getToken });
const connector = client.connector(${ref});
const page = await connector.execute(${args});
console.log(page.data, page.meta);
// every record, page after page: for await (const item of connector.paginate(...same arguments)) {}`,
    react: `import { useInfiniteExecute } from "@airbyte-agents/react";

const query = useInfiniteExecute(
  ${ref},
  ${args},
);
// query.data?.pages, query.fetchNextPage() for "Load more"`,
  };
}

/** Opening the connect widget: core's `openConnectWidget`, React's `useConnectWidget`. */
export function connectSnippet(): Snippet {
  return {
    title: "open the connect widget",
    core: `import { openConnectWidget } from "@airbyte-agents/core/browser";

const widget = openConnectWidget({
  token: await client.getToken(),
  getToken: () => client.getToken(),
  onEvent: (event) => {
    if (event.type === "connector.created") console.log(event.connectorId, event.name);
  },
});
widget.open();`,
    react: `import { useConnectWidget } from "@airbyte-agents/react";

const { open } = useConnectWidget({
  onEvent: (event) => {
    if (event.type === "connector.created") console.log(event.connectorId, event.name);
  },
});
<button onClick={() => open()}>Connect a source</button>;`,
  };
}

/** Listing the workspace's connectors. */
export function listSnippet(): Snippet {
  return {
    title: "list connectors",
    core: `const connectors = await client.connectors.list();`,
    react: `import { useConnectors } from "@airbyte-agents/react";

const { data: connectors } = useConnectors();`,
  };
}

/** A question: on the server with the application token (`ws.ask`), or `useAsk` in React. */
export function askSnippet(prompt: string): Snippet {
  return {
    title: "ask",
    core: `// On your server: questions need the application token, not a widget token.
import { createClient } from "@airbyte-agents/core";

const client = createClient({ clientId, clientSecret });
const result = await client.workspace(workspaceName).ask(${literal(prompt)});
console.log(result.answer);`,
    react: `import { useAsk } from "@airbyte-agents/react";

const ask = useAsk();
ask.mutate(${literal(prompt)});
// ask.data?.answer`,
  };
}
