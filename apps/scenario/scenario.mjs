// The one scenario every runtime example runs against the emulator (plain ESM, no imports of its own, so
// Node, Deno, Bun, workerd and a browser page can all load it).
//
//   import * as core from "@airbyte-agents/core";
//   import { runScenario } from "../scenario/scenario.mjs";
//   const steps = await runScenario(core, { baseUrl, clientId, clientSecret });
//   // → [{ name: "mint a token", ok: true }, …, { name: "…", ok: false, error: "…" }]
//
// It takes the core module namespace instead of importing "@airbyte-agents/core" itself, so each example
// decides how the package is loaded (npm specifier, dist path, esbuild bundle).
//
// Auth: either `{ clientId, clientSecret }` (servers, Workers, scripts: `createClient` mints its own tokens),
// or `{ getToken }` (a browser page: `createWidgetClient` gets a widget token from the app's server, minted
// there for the page's origin; the page never sees the client secret).

/** The Stripe connector the scenario creates (and deletes again). Replication needs `account_id` (catalog). */
export const STRIPE_INPUT = {
  connectorType: "Stripe",
  credentials: { api_key: "sk_test_example" },
  replicationConfig: { account_id: "acct_1" },
};

/** The emulator's default number of records in every entity (`recordsPerEntity`). */
export const DEFAULT_RECORDS_PER_ENTITY = 57;

class StepFailure extends Error {}

function assert(condition, message) {
  if (!condition) throw new StepFailure(message);
}

function describeError(error) {
  if (error instanceof StepFailure) return error.message;
  if (error && typeof error === "object") {
    const name = error.name ?? "Error";
    const code = error.code ? ` [${error.code}]` : "";
    return `${name}${code}: ${error.message ?? String(error)}`;
  }
  return String(error);
}

/**
 * The browser-side client: core's `createWidgetClient` (the `/browser` entry has it). Without it (an older
 * core), `createClient` over a token store that already holds the widget token's inner JWT, so the client
 * never tries to mint (minting needs the secret, and the minting endpoints never answer CORS).
 */
async function widgetClient(core, { baseUrl, getToken, fetch }) {
  if (typeof core.createWidgetClient === "function") {
    const client = core.createWidgetClient({ baseUrl, getToken, ...(fetch ? { fetch } : {}) });
    return { client, workspace: client, widgetToken: await client.getToken(), via: "createWidgetClient" };
  }
  const value = await getToken();
  const widgetToken = typeof value === "string" ? value : value.token;
  const { token } = core.decodeWidgetToken(widgetToken);
  const tokenStore = { get: () => ({ token, expiresAt: Date.now() + 10 * 60_000 }), set: () => undefined };
  const client = core.createClient({ baseUrl, tokenStore, ...(fetch ? { fetch } : {}) });
  return { client, workspace: null, widgetToken, via: "createClient + tokenStore (no createWidgetClient in core)" };
}

/**
 * Runs the scenario. Never throws: every step is caught and reported.
 *
 * @param {Record<string, any>} core the `@airbyte-agents/core` module namespace
 * @param {{ baseUrl: string, clientId?: string, clientSecret?: string, getToken?: () => unknown,
 *           workspaceName?: string, recordsPerEntity?: number, tokenStore?: object, fetch?: typeof fetch,
 *           label?: string }} options
 * @returns {Promise<{ name: string, ok: boolean, error?: string, detail?: unknown }[]>}
 */
export async function runScenario(core, options) {
  const { baseUrl, clientId, clientSecret, getToken, workspaceName = "default", tokenStore, fetch } = options;
  const expectedRecords = options.recordsPerEntity ?? DEFAULT_RECORDS_PER_ENTITY;
  const label = options.label ?? "scenario";
  const steps = [];
  const state = {};

  async function step(name, fn) {
    try {
      const detail = await fn();
      steps.push(detail === undefined ? { name, ok: true } : { name, ok: true, detail });
    } catch (error) {
      steps.push({ name, ok: false, error: describeError(error) });
    }
  }
  const needs = (key, what) => {
    if (state[key] === undefined) throw new StepFailure(`not run: needs ${what}, which failed`);
    return state[key];
  };

  let ws = null;

  // 1. A token: minted with the client credentials, or (browser) a widget token that the app's server minted.
  await step("mint a token", async () => {
    if (getToken) {
      const made = await widgetClient(core, { baseUrl, getToken, fetch });
      const { token, widgetUrl } = core.decodeWidgetToken(made.widgetToken);
      assert(token.split(".").length === 3, "the widget token's inner token is not a JWT");
      ws = made.workspace ?? made.client.workspace(workspaceName);
      if (typeof made.client.info === "function") {
        const info = await made.client.info();
        assert(info.workspaceName === workspaceName, `the widget token is for workspace ${info.workspaceName}`);
      }
      return { kind: "widget", via: made.via, widgetUrl };
    }
    const client = core.createClient({
      baseUrl,
      clientId,
      clientSecret,
      ...(tokenStore ? { tokenStore } : {}),
      ...(fetch ? { fetch } : {}),
    });
    ws = client.workspace(workspaceName);
    const { token, expiresAt } = await client.tokens.application();
    assert(typeof token === "string" && token.split(".").length === 3, "the application token is not a JWT");
    assert(expiresAt instanceof Date && expiresAt.getTime() > Date.now(), `the token expires in the past: ${expiresAt}`);
    return { kind: "application", expiresInSeconds: Math.round((expiresAt.getTime() - Date.now()) / 1000) };
  });

  // 2. Create a Stripe connector (by display name; replication `account_id` is required by the catalog).
  await step("create a connector", async () => {
    assert(ws, "not run: no client");
    const name = `${label} stripe ${Math.random().toString(36).slice(2, 8)}`;
    const created = await ws.connectors.create({ ...STRIPE_INPUT, name });
    assert(typeof created.id === "string" && created.id.length > 0, "create returned no id");
    assert(created.connectorType === "Stripe", `connectorType is ${created.connectorType}`);
    state.connectorId = created.id;
    return { id: created.id, name: created.name };
  });

  // 3. One list call.
  await step("execute a list", async () => {
    const stripe = ws.connector({ connectorId: needs("connectorId", "the created connector") });
    const { data, meta } = await stripe.execute("customers", "list", { limit: 10 });
    assert(Array.isArray(data) && data.length === 10, `expected 10 customers, got ${Array.isArray(data) ? data.length : typeof data}`);
    // Stripe's metadata is only `has_more` (no cursor): the next page starts after the last id (`starting_after`).
    assert(meta.hasNextPage === true, "the first page does not say there is a next one");
    return { items: data.length, hasNextPage: meta.hasNextPage };
  });

  // 4. Every page, until the API says there is no next one.
  await step("paginate every page", async () => {
    const stripe = ws.connector({ connectorId: needs("connectorId", "the created connector") });
    let pages = 0;
    let items = 0;
    const ids = new Set();
    for await (const page of stripe.paginate("customers", "list", { limit: 10 }).pages()) {
      pages++;
      items += page.data.length;
      for (const customer of page.data) ids.add(customer.id);
      assert(pages <= 100, "more than 100 pages: pagination does not stop");
    }
    assert(items === expectedRecords, `expected ${expectedRecords} customers over all pages, got ${items}`);
    assert(ids.size === items, `${items - ids.size} customers came twice`);
    assert(pages === Math.ceil(expectedRecords / 10), `expected ${Math.ceil(expectedRecords / 10)} pages, got ${pages}`);
    return { pages, items };
  });

  // 5. A download from the demo workspace's Zendesk Support connector (entity `attachments`, key `attachment_id`).
  await step("download a file", async () => {
    assert(ws, "not run: no client");
    const zendesk = ws.connector("zendesk-support");
    const stream = await zendesk.download("attachments", { attachment_id: 1 });
    const reader = stream.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    assert(size > 0, "the file is empty");
    const head = new TextDecoder().decode(chunks[0].slice(0, 40));
    return { bytes: size, head: head.split("\n")[0] };
  });

  // 6. Delete what step 2 created, and see it gone (a typed 404).
  await step("delete the connector", async () => {
    const connectorId = needs("connectorId", "the created connector");
    const { jobId } = await ws.connector({ connectorId }).delete();
    state.deleted = true;
    try {
      await ws.connectors.get(connectorId);
    } catch (error) {
      assert(core.isNotFoundError(error), `after delete, get threw ${describeError(error)} instead of a NotFoundError`);
      return { jobId, afterwards: `${error.name} ${error.status}` };
    }
    throw new StepFailure("the connector can still be read after delete");
  });

  // 7. A typed error: a slug that names no connector.
  await step("typed error: unknown connector", async () => {
    assert(ws, "not run: no client");
    try {
      await ws.connector("nope").execute("customers", "list");
    } catch (error) {
      assert(core.isAirbyteError(error), `not an Airbyte error: ${describeError(error)}`);
      assert(core.isConnectorResolutionError(error), `not a ConnectorResolutionError: ${describeError(error)}`);
      assert(error instanceof core.ConnectorResolutionError, "instanceof ConnectorResolutionError is false");
      assert(error.code === "connector_not_found", `code is ${error.code}`);
      return { name: error.name, code: error.code };
    }
    throw new StepFailure('ws.connector("nope") did not throw');
  });

  // 8. A typed error from the API: a file that does not exist (the API's empty 200 becomes a NotFoundError).
  await step("typed error: missing file", async () => {
    assert(ws, "not run: no client");
    try {
      await ws.connector("zendesk-support").download("attachments", { attachment_id: 999_999 });
    } catch (error) {
      assert(core.isAirbyteError(error), `not an Airbyte error: ${describeError(error)}`);
      assert(core.isNotFoundError(error) && error.status === 404, `not a 404 NotFoundError: ${describeError(error)}`);
      return { name: error.name, code: error.code };
    }
    throw new StepFailure("downloading a missing file did not throw");
  });

  // Leave nothing behind if a step in between failed.
  if (state.connectorId && !state.deleted) {
    try {
      await ws.connector({ connectorId: state.connectorId }).delete();
    } catch {
      // best effort
    }
  }
  return steps;
}

/** `{ numPassedTests, numFailedTests }`, the summary format `scripts/test-all.mjs` reads. */
export function summarize(steps) {
  const numPassedTests = steps.filter((s) => s.ok).length;
  return { numPassedTests, numFailedTests: steps.length - numPassedTests };
}

/** The line an example prints last: this marker, then the steps as JSON, so a test runner can read them. */
export const RESULT_MARKER = "SCENARIO_RESULT ";

/** Prints the steps for people, then the result line for a runner; returns the exit code (1 if a step failed). */
export function printSteps(runtime, steps) {
  console.log(formatSteps(runtime, steps));
  console.log(`${RESULT_MARKER}${JSON.stringify(steps)}`);
  return steps.length > 0 && steps.every((s) => s.ok) ? 0 : 1;
}

/** One line per step, for logs. */
export function formatSteps(runtime, steps) {
  return steps.map((s) => `${s.ok ? "ok  " : "FAIL"} [${runtime}] ${s.name}${s.ok ? "" : `: ${s.error}`}`).join("\n");
}
