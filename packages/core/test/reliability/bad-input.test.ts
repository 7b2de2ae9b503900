// Bad input, property-based (issue 11 items 2 and 6): every public method and option, given wrong-typed or
// out-of-range values, throws a ValidationError `invalid_input` that names the argument, sends nothing, and leaves
// no timer behind to crash the process later. Quick by default; RELIABILITY_FULL=1 runs the full-size counts.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AirbyteClient,
  configure,
  connectorPaging,
  createClient,
  createProxyHandler,
  createWidgetTokenHandler,
  describeConnector,
  isValidationError,
  resetConfiguration,
} from "../../src/index";
import { createWidgetClient, type WidgetClient } from "../../src/widget/widget-client";
import { SECRET } from "../helpers/emulator";

const FULL = process.env.RELIABILITY_FULL === "1";
const RUNS = FULL ? 1_000 : 50;
const ID = "0afbebfc-3d87-49f9-89b5-80a2e69df485";

// --- A server that only counts: any request reaching it is a failure of the property. ---
let server: Server;
let baseUrl: string;
let received = 0;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);
const totals = { cases: 0, entryPoints: new Set<string>() };

beforeAll(async () => {
  server = createServer((_req, res) => {
    received++;
    res.writeHead(503, { "content-type": "application/json" }).end('{"detail":"counting server"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.on("uncaughtException", onUncaught);
  process.on("unhandledRejection", onUncaught);
});

afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  process.off("unhandledRejection", onUncaught);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  console.info(`bad-input: ${totals.cases} invalid inputs over ${totals.entryPoints.size} entry points (${FULL ? "full" : "quick"} mode)`);
});

/** Live timers (setTimeout/setInterval), from Node's own list of what keeps the loop alive. */
const liveTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

/** Runs `call` (sync or async) and returns what it threw; a call that does not fail is a finding. */
async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return new Error("accepted silently");
}

/** The property every bad input must meet: typed, names the argument, nothing sent. */
async function expectRejected(entry: string, argument: string, call: () => unknown): Promise<void> {
  totals.cases++;
  totals.entryPoints.add(entry);
  const before = received;
  const error = await thrown(call);
  if (!isValidationError(error) || error.code !== "invalid_input") {
    throw new Error(`${entry}: expected ValidationError invalid_input naming ${argument}, got ${String(error)}`);
  }
  const named = error.message.includes(argument) || error.issues.some((issue) => issue.path.includes(argument));
  if (!named) throw new Error(`${entry}: the error does not name ${JSON.stringify(argument)}: ${error.message}`);
  if (error.message.includes(SECRET)) throw new Error(`${entry}: the message echoes the secret`);
  if (received !== before) throw new Error(`${entry}: ${received - before} request(s) reached the server`);
}

// --- Arbitraries for wrong values ---
const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const badText = fc.oneof(notString, fc.constantFrom("", "   "));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badUuid = fc.oneof(
  notString,
  fc.string().filter((s) => !UUID.test(s)),
);
const notObject = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }));
const notBoolean = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.object({ maxDepth: 0 }));
const notFunction = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.object({ maxDepth: 0 }));
const badMillis = fc.oneof(
  fc.integer({ max: 0 }),
  fc.double({ max: 0, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
);
const badCount = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60),
  fc.string(),
  fc.constant(null),
);
const badChoice = (valid: readonly string[]) =>
  fc.oneof(
    fc.string().filter((s) => !valid.includes(s)),
    notString,
  );
/** Not an array of strings: a lone string, a number, an array holding a non-string. */
const badStrings = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constant(null),
  fc.object({ maxDepth: 0 }),
  fc.array(fc.oneof(fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 3 }),
);
const badHeaders = fc.oneof(
  notObject,
  fc.constant(new Map([["x", "y"]])),
  fc
    .string({ minLength: 1 })
    .filter((name) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name))
    .map((name) => ({ [name]: "v" })),
  notString.map((value) => ({ "x-test": value })),
  fc.constantFrom("\r\n", "\n", "\0", "€").map((bad) => ({ "x-test": `a${bad}b` })),
  fc.integer({ min: 65, max: 200 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-h${i}`, "v"]))),
  fc.constant({ "x-big": "a".repeat(1024 * 1024) }),
);
const notSignal = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant({}),
  fc.constant({ aborted: false }),
  fc.constant({ aborted: false, addEventListener: () => undefined }),
);

/** Pairs a bad value (or the options object made from it) with the argument it breaks. */
const pair =
  (name: string, wrap: (v: unknown) => unknown = (v) => v) =>
  (v: unknown): [unknown, string] => [wrap(v), name];

/** A bad per-call options object and the option it breaks (or `options` when the whole value is wrong). */
const badCallOptions: fc.Arbitrary<[unknown, string]> = fc.oneof(
  fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 2 })).map(pair("options")),
  notSignal.map(pair("signal", (v) => ({ signal: v }))),
  badMillis.map(pair("timeout", (v) => ({ timeout: v }))),
  badMillis.map(pair("deadline", (v) => ({ deadline: v }))),
  badCount.map(pair("maxRetries", (v) => ({ maxRetries: v }))),
  notBoolean.map(pair("retryWrites", (v) => ({ retryWrites: v }))),
  badChoice(["lenient", "strict", "warn", "off"]).map(pair("validation", (v) => ({ validation: v }))),
  badHeaders.map(pair("headers", (v) => ({ headers: v }))),
);

async function property<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>): Promise<void> {
  await fc.assert(fc.asyncProperty(arbitrary, check), { numRuns: RUNS });
}

// --- Entry points: each called with valid arguments and the bad call options. ---
type Call = (o: unknown) => unknown;
const methods = (client: AirbyteClient): Record<string, Call> => {
  const ws = client.workspace("acme");
  const handle = ws.connector({ connectorId: ID });
  const slug = ws.connector("stripe");
  const o = (x: unknown) => x as never;
  return {
    "tokens.application": (x) => client.tokens.application(o(x)),
    "tokens.scoped": (x) => client.tokens.scoped({ workspaceName: "acme" }, o(x)),
    "tokens.info": (x) => client.tokens.info("a.b.c", o(x)),
    "tokens.widget": (x) => client.tokens.widget({ workspaceName: "acme", allowedOrigin: "https://app.example.com" }, o(x)),
    "definitions.list": (x) => client.definitions.list({}, o(x)),
    "definitions.get": (x) => client.definitions.get(ID, o(x)),
    "workspaces.list": (x) => client.workspaces.list({}, o(x)),
    "workspaces.iterate": (x) => client.workspaces.iterate({}, o(x)).next(),
    "workspaces.findByName": (x) => client.workspaces.findByName("acme", o(x)),
    "workspaces.stats": (x) => client.workspaces.stats(o(x)),
    "workspaces.get": (x) => client.workspaces.get(ID, o(x)),
    "workspaces.update": (x) => client.workspaces.update(ID, { name: "n" }, o(x)),
    "workspaces.delete": (x) => client.workspaces.delete(ID, o(x)),
    "templates.list": (x) => client.templates.list({}, o(x)),
    "templates.get": (x) => client.templates.get(ID, o(x)),
    "templates.create": (x) => client.templates.create({ definitionId: ID }, o(x)),
    "templates.update": (x) => client.templates.update(ID, { name: "n" }, o(x)),
    "templates.delete": (x) => client.templates.delete(ID, o(x)),
    "oauth.set": (x) => client.oauth.set({ connectorType: "HubSpot", configuration: {} }, o(x)),
    "oauth.delete": (x) => client.oauth.delete("HubSpot", o(x)),
    "admin.createOrganization": (x) => client.admin.createOrganization({ name: "n" }, o(x)),
    "admin.organizations": (x) => client.admin.organizations(o(x)),
    "admin.access": (x) => client.admin.access(ID, o(x)),
    "admin.resolveWorkosOrganizationId": (x) => client.admin.resolveWorkosOrganizationId(ID, o(x)),
    "admin.createWorkspace": (x) => client.admin.createWorkspace({ name: "n" }, o(x)),
    "admin.uploadWorkspaceIcon": (x) => client.admin.uploadWorkspaceIcon(new Blob(["x"]), o(x)),
    "admin.navigationState": (x) => client.admin.navigationState(o(x)),
    "workspace.id": (x) => ws.id(o(x)),
    ask: (x) => ws.ask("how many?", o(x)),
    initiateOAuth: (x) => ws.initiateOAuth({ connectorType: "HubSpot", redirectUrl: "https://app.example.com/done" }, o(x)),
    "connectors.list": (x) => ws.connectors.list({}, o(x)),
    "connectors.get": (x) => ws.connectors.get(ID, o(x)),
    "connectors.create": (x) => ws.connectors.create({ connectorType: "Stripe", credentials: {} }, o(x)),
    "connectors.update": (x) => ws.connectors.update(ID, { name: "n" }, o(x)),
    "connectors.delete": (x) => ws.connectors.delete(ID, o(x)),
    "connectors.check": (x) => ws.connectors.check({ connectorType: "Stripe", credentials: {} }, o(x)),
    "connectors.inspect": (x) => ws.connectors.inspect(ID, o(x)),
    "connectors.resolve": (x) => ws.connectors.resolve("stripe", o(x)),
    "connector.id": (x) => slug.id(o(x)),
    execute: (x) => slug.execute("customers", "list", {}, o(x)),
    paginate: (x) => handle.paginate("customers", "list", {}, o(x)).toArray(),
    download: (x) => handle.download("attachments", {}, o(x)),
    "connector.get": (x) => slug.get(o(x)),
    "connector.update": (x) => slug.update({ name: "n" }, o(x)),
    "connector.delete": (x) => slug.delete(o(x)),
    "connector.check": (x) => slug.check({}, o(x)),
    "workflows.list": (x) => ws.workflows.list(o(x)),
    "workflows.create": (x) => ws.workflows.create({ name: "n" }, o(x)),
    "workflows.get": (x) => ws.workflows.get(ID, o(x)),
    "workflows.update": (x) => ws.workflows.update(ID, { name: "n" }, o(x)),
    "workflows.delete": (x) => ws.workflows.delete(ID, o(x)),
    "automations.list": (x) => ws.automations.list(ID, o(x)),
    "automations.create": (x) => ws.automations.create(ID, {}, o(x)),
    "automations.get": (x) => ws.automations.get(ID, ID, o(x)),
    "automations.update": (x) => ws.automations.update(ID, ID, {}, o(x)),
    "automations.delete": (x) => ws.automations.delete(ID, ID, o(x)),
  };
};

/** Wrong positional arguments: entry point, argument name, arbitrary, call. */
const argumentCases = (client: AirbyteClient): [string, string, fc.Arbitrary<unknown>, (v: never) => unknown][] => {
  const ws = client.workspace("acme");
  const handle = ws.connector({ connectorId: ID });
  return [
    ["workspace", "name", badText, (v) => client.workspace(v)],
    ["workspace", "options", notObject.filter((v) => v !== undefined), (v) => client.workspace("acme", v)],
    ["workspace", "scopedToken", notBoolean, (v) => client.workspace("acme", { scopedToken: v })],
    ["connector", "connectorId", notObject.filter((v) => typeof v !== "string"), (v) => ws.connector(v)],
    ["connector", "connectorId", badUuid, (v) => ws.connector({ connectorId: v })],
    ["connectors.list", "filter", notObject, (v) => ws.connectors.list(v)],
    ["connectors.list", "definitionId", badUuid, (v) => ws.connectors.list({ definitionId: v })],
    ["connectors.get", "connectorId", badUuid, (v) => ws.connectors.get(v)],
    ["connectors.create", "input", notObject, (v) => ws.connectors.create(v)],
    ["connectors.create", "definitionId", badUuid, (v) => ws.connectors.create({ definitionId: v })],
    ["connectors.update", "connectorId", badUuid, (v) => ws.connectors.update(v, {})],
    ["connectors.update", "input", notObject, (v) => ws.connectors.update(ID, v)],
    ["connectors.delete", "connectorId", badUuid, (v) => ws.connectors.delete(v)],
    ["connectors.check", "input", notObject, (v) => ws.connectors.check(v)],
    ["connectors.inspect", "connectorId", badUuid, (v) => ws.connectors.inspect(v)],
    ["connectors.resolve", "slug", badText, (v) => ws.connectors.resolve(v)],
    ["execute", "entity", badText, (v) => handle.execute(v, "list")],
    ["execute", "action", badText, (v) => handle.execute("customers", v)],
    ["execute", "params", notObject, (v) => handle.execute("customers", "list", v)],
    ["execute", "skipTruncation", notBoolean, (v) => handle.execute("customers", "list", {}, { skipTruncation: v })],
    [
      "execute",
      "selectFields",
      notObject.filter((v) => !Array.isArray(v)),
      (v) => handle.execute("customers", "list", {}, { selectFields: v }),
    ],
    ["paginate", "entity", badText, (v) => handle.paginate(v, "list")],
    ["paginate", "cursorParam", badText, (v) => handle.paginate("customers", "list", {}, { cursorParam: v })],
    ["toArray", "options", notObject.filter((v) => v !== undefined), (v) => handle.paginate("customers", "list").toArray(v)],
    ["toArray", "limit", badCount, (v) => handle.paginate("customers", "list").toArray({ limit: v })],
    ["download", "entity", badText, (v) => handle.download(v)],
    ["download", "params", notObject, (v) => handle.download("attachments", v)],
    ["connector.update", "input", notObject, (v) => handle.update(v)],
    ["connector.check", "changes", notObject.filter((v) => v !== undefined), (v) => handle.check(v)],
    ["ask", "prompt", badText, (v) => ws.ask(v)],
    ["initiateOAuth", "input", notObject, (v) => ws.initiateOAuth(v)],
    ["initiateOAuth", "redirectUrl", badText, (v) => ws.initiateOAuth({ connectorType: "HubSpot", redirectUrl: v })],
    ["tokens.scoped", "workspaceName", badText, (v) => client.tokens.scoped({ workspaceName: v })],
    ["tokens.info", "scopedToken", badText, (v) => client.tokens.info(v)],
    ["tokens.widget", "allowedOrigin", badText, (v) => client.tokens.widget({ workspaceName: "acme", allowedOrigin: v })],
    ...(
      [
        ["regionId", badText],
        ["sourceTemplateTags", badStrings],
        ["sourceTemplateTagsMode", badChoice(["any", "all"])],
        ["connectionTemplateTags", badStrings],
        ["connectionTemplateTagsMode", badChoice(["any", "all"])],
      ] as const
    ).map(([field, arbitrary]): [string, string, fc.Arbitrary<unknown>, (v: never) => unknown] => [
      "tokens.widget",
      field,
      arbitrary,
      (v) => client.tokens.widget({ workspaceName: "acme", allowedOrigin: "https://a.example", [field]: v } as never),
    ]),
    ["definitions.list", "filter", notObject, (v) => client.definitions.list(v)],
    ["definitions.list", "name", badText, (v) => client.definitions.list({ name: v })],
    ["definitions.get", "definitionId", badUuid, (v) => client.definitions.get(v)],
    ["workspaces.list", "input", notObject, (v) => client.workspaces.list(v)],
    ["workspaces.list", "limit", badCount, (v) => client.workspaces.list({ limit: v })],
    ["workspaces.list", "status", badChoice(["active", "inactive"]), (v) => client.workspaces.list({ status: v })],
    ["workspaces.findByName", "name", badText, (v) => client.workspaces.findByName(v)],
    ["workspaces.get", "workspaceId", badUuid, (v) => client.workspaces.get(v)],
    ["workspaces.update", "input", notObject, (v) => client.workspaces.update(ID, v)],
    ["workspaces.update", "cacheEnabled", notBoolean, (v) => client.workspaces.update(ID, { cacheEnabled: v })],
    ["workspaces.delete", "workspaceId", badUuid, (v) => client.workspaces.delete(v)],
    ["templates.list", "filter", notObject, (v) => client.templates.list(v)],
    ["templates.list", "useGlobal", notBoolean, (v) => client.templates.list({ useGlobal: v })],
    ["templates.get", "templateId", badUuid, (v) => client.templates.get(v)],
    ["templates.create", "input", notObject, (v) => client.templates.create(v)],
    ["templates.update", "input", notObject, (v) => client.templates.update(ID, v)],
    ["templates.delete", "templateId", badUuid, (v) => client.templates.delete(v)],
    ["oauth.set", "input", notObject, (v) => client.oauth.set(v)],
    ["oauth.delete", "connectorType", badText, (v) => client.oauth.delete(v)],
    ["admin.createOrganization", "name", badText, (v) => client.admin.createOrganization({ name: v })],
    ["admin.access", "organizationId", badUuid, (v) => client.admin.access(v)],
    ["admin.createWorkspace", "name", badText, (v) => client.admin.createWorkspace({ name: v })],
    ["admin.uploadWorkspaceIcon", "image", notObject, (v) => client.admin.uploadWorkspaceIcon(v)],
    ["workflows.create", "name", badText, (v) => ws.workflows.create({ name: v })],
    ["workflows.get", "workflowId", badUuid, (v) => ws.workflows.get(v)],
    ["workflows.update", "input", notObject, (v) => ws.workflows.update(ID, v)],
    ["automations.create", "input", notObject, (v) => ws.automations.create(ID, v)],
    ["automations.create", "enabled", notBoolean, (v) => ws.automations.create(ID, { enabled: v })],
    ["automations.get", "automationId", badUuid, (v) => ws.automations.get(ID, v)],
  ];
};

/** Every client option with what makes it wrong. */
const clientOptionCases: [string, fc.Arbitrary<unknown>][] = [
  ["clientId", badText],
  ["clientSecret", badText],
  ["organizationId", badText],
  ["workspaceName", badText],
  ["baseUrl", fc.oneof(notString, fc.constantFrom("", "127.0.0.1:8787", "ftp://x.example", "/relative", "javascript:alert(1)"))],
  ["fetch", notFunction],
  ["timeout", badMillis],
  ["deadline", badMillis],
  ["maxRetries", badCount],
  ["logger", fc.oneof(notObject, fc.constant({ debug: () => undefined }))],
  ["logLevel", badChoice(["debug", "info", "warn", "error", "off"])],
  [
    "hooks",
    fc.oneof(
      notObject,
      notFunction.map((v) => ({ onRequest: v })),
    ),
  ],
  ["env", fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null))],
  ["tokenStore", fc.oneof(notObject, fc.constant({ set: () => undefined }), fc.constant({ get: () => undefined }))],
  ["validation", badChoice(["lenient", "strict", "warn", "off"])],
  ["headers", badHeaders],
  ["maxResponseBytes", badCount],
];
const widgetOptionNames = new Set([
  "baseUrl",
  "fetch",
  "timeout",
  "deadline",
  "maxRetries",
  "logger",
  "logLevel",
  "hooks",
  "validation",
  "headers",
]);

describe("bad input never reaches the network", () => {
  let client: AirbyteClient;
  let widget: WidgetClient;
  let timersBefore = 0;
  beforeAll(() => {
    client = createClient({ baseUrl, clientId: "id", clientSecret: SECRET, maxRetries: 0, logLevel: "off" });
    widget = createWidgetClient({ baseUrl, getToken: () => "not-a-token", maxRetries: 0, logLevel: "off" });
    timersBefore = liveTimers();
  });

  it("the counting server counts (a valid call does reach it)", async () => {
    const before = received;
    await thrown(() => client.workspaces.stats());
    expect(received).toBeGreaterThan(before);
  });

  it("createClient and configure: every option", async () => {
    for (const [name, arbitrary] of clientOptionCases) {
      await property(arbitrary, async (value) => {
        await expectRejected("createClient", name, () => createClient({ baseUrl, [name]: value }));
        await expectRejected("configure", name, () => configure({ [name]: value }));
      });
    }
    await property(
      notObject.filter((v) => v !== undefined),
      async (value) => {
        await expectRejected("createClient", "options", () => createClient(value as never));
      },
    );
    // A rejected configure() changed nothing: a later client still sends to the counting server's default.
    resetConfiguration();
  });

  it("createWidgetClient: every option", async () => {
    for (const [name, arbitrary] of clientOptionCases.filter(([name]) => widgetOptionNames.has(name))) {
      await property(arbitrary, (value) =>
        expectRejected("createWidgetClient", name, () => createWidgetClient({ getToken: () => "t", [name]: value })),
      );
    }
    await property(notFunction, (value) =>
      expectRejected("createWidgetClient", "getToken", () => createWidgetClient({ getToken: value as never })),
    );
  });

  it("every method: bad per-call options", async () => {
    const calls = methods(client);
    for (const [entry, call] of Object.entries(calls)) {
      await property(badCallOptions, ([options, argument]) => expectRejected(entry, argument, () => call(options)));
    }
  });

  it("every method: bad positional arguments", async () => {
    for (const [entry, argument, arbitrary, call] of argumentCases(client)) {
      await property(arbitrary, (value) => expectRejected(entry, argument, () => call(value as never)));
    }
  });

  it("the widget client's methods: bad call options and arguments", async () => {
    const o = (x: unknown) => x as never;
    const calls: Record<string, Call> = {
      "widget.connectors.list": (x) => widget.connectors.list({}, o(x)),
      "widget.connectors.create": (x) => widget.connectors.create({ connectorType: "Stripe", credentials: {} }, o(x)),
      "widget.connectors.check": (x) => widget.connectors.check({ connectorType: "Stripe", credentials: {} }, o(x)),
      "widget.connector.execute": (x) => widget.connector("stripe").execute("customers", "list", {}, o(x)),
      "widget.connector.id": (x) => widget.connector("stripe").id(o(x)),
      "widget.workspaceName": (x) => widget.workspaceName(o(x)),
      "widget.info": (x) => widget.info(o(x)),
      "widget.getToken": (x) => widget.getToken(o(x)),
      "widget.token": (x) => widget.token(o(x)),
    };
    for (const [entry, call] of Object.entries(calls)) {
      await property(badCallOptions, ([options, argument]) => expectRejected(entry, argument, () => call(options)));
    }
    await property(notObject, (v) => expectRejected("widget.connectors.list", "filter", () => widget.connectors.list(v as never)));
    await property(notObject, (v) => expectRejected("widget.connectors.create", "input", () => widget.connectors.create(v as never)));
    await property(badUuid, (v) => expectRejected("widget.connector", "connectorId", () => widget.connector({ connectorId: v as never })));
    // Checked in full before the token's workspace is read (that read would be a request).
    await property(badUuid, (v) =>
      expectRejected("widget.connectors.create", "definitionId", () => widget.connectors.create({ definitionId: v as never })),
    );
    await property(badUuid, (v) =>
      expectRejected("widget.connectors.check", "connectorId", () => widget.connectors.check({ connectorId: v as never })),
    );
  });

  it("a call option put in a method's filter or input is refused, naming it, instead of dropped", async () => {
    const ws = client.workspace("acme");
    const handle = ws.connector({ connectorId: ID });
    // Each method's first argument, with a valid value beside the misplaced option.
    const firstArguments: [string, string, (first: Record<string, unknown>) => unknown, Record<string, unknown>][] = [
      ["connectors.list", "filter", (f) => ws.connectors.list(f), {}],
      ["connectors.create", "input", (f) => ws.connectors.create(f as never), { connectorType: "Stripe", credentials: {} }],
      ["connectors.update", "input", (f) => ws.connectors.update(ID, f), { name: "n" }],
      ["connectors.check", "input", (f) => ws.connectors.check(f as never), { connectorType: "Stripe", credentials: {} }],
      ["connector.update", "input", (f) => handle.update(f), { name: "n" }],
      ["connector.check", "changes", (f) => handle.check(f), {}],
      ["definitions.list", "filter", (f) => client.definitions.list(f), {}],
      ["templates.list", "filter", (f) => client.templates.list(f), {}],
      ["templates.create", "input", (f) => client.templates.create(f as never), { definitionId: ID }],
      ["templates.update", "input", (f) => client.templates.update(ID, f), { name: "n" }],
      ["workspaces.list", "input", (f) => client.workspaces.list(f), {}],
      ["workspaces.iterate", "input", (f) => client.workspaces.iterate(f).next(), {}],
      ["workspaces.update", "input", (f) => client.workspaces.update(ID, f), { name: "n" }],
      ["tokens.scoped", "input", (f) => client.tokens.scoped(f as never), { workspaceName: "acme" }],
      ["tokens.widget", "input", (f) => client.tokens.widget(f as never), { workspaceName: "acme", allowedOrigin: "https://a.example" }],
      ["oauth.set", "input", (f) => client.oauth.set(f as never), { connectorType: "HubSpot", configuration: {} }],
      ["admin.createWorkspace", "input", (f) => client.admin.createWorkspace(f as never), { name: "n" }],
      ["widget.connectors.list", "filter", (f) => widget.connectors.list(f), {}],
      ["widget.connectors.create", "input", (f) => widget.connectors.create(f as never), { connectorType: "Stripe", credentials: {} }],
    ];
    const misplaced = fc.constantFrom<[string, unknown]>(
      ["signal", new AbortController().signal],
      ["timeout", 5_000],
      ["deadline", 10_000],
      ["maxRetries", 0],
      ["retryWrites", true],
      ["headers", { authorization: `Bearer ${SECRET}` }],
      ["validation", "strict"],
    );
    for (const [entry, field, call, valid] of firstArguments) {
      await property(misplaced, async ([name, value]) => {
        await expectRejected(entry, `${field}.${name}`, () => call({ ...valid, [name]: value }));
        const error = (await thrown(() => call({ ...valid, [name]: value }))) as Error;
        expect(error.message).toContain(`in the argument after ${field}`);
      });
    }
  });

  it("server helpers: createProxyHandler and createWidgetTokenHandler options", async () => {
    const proxyCases: [string, fc.Arbitrary<unknown>][] = [
      ["baseUrl", fc.oneof(notString, fc.constantFrom("", "nope", "ftp://x.example"))],
      ["prefix", fc.oneof(notString, fc.constantFrom("/a?b", "/a b"))],
      ["fetch", notFunction],
      ["requireScopedToken", notBoolean],
      ["maxBodyBytes", fc.oneof(badCount, fc.constant(0))],
      ["timeout", badMillis],
      ["client", notObject],
    ];
    for (const [name, arbitrary] of proxyCases) {
      await property(arbitrary, (value) => expectRejected("createProxyHandler", name, () => createProxyHandler({ [name]: value })));
    }
    await property(
      notObject.filter((v) => v !== undefined),
      (v) => expectRejected("createProxyHandler", "options", () => createProxyHandler(v as never)),
    );
    const valid = { client, allowedOrigins: ["https://app.example.com"], resolveWorkspace: () => "acme" };
    const handlerCases: [string, fc.Arbitrary<unknown>][] = [
      ["client", notObject],
      ["resolveWorkspace", notFunction],
      ["allowedOrigins", fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.constant([1, 2]))],
      ["defaults", notObject],
      ["onError", notFunction],
    ];
    for (const [name, arbitrary] of handlerCases) {
      await property(arbitrary, (value) =>
        expectRejected("createWidgetTokenHandler", name, () => createWidgetTokenHandler({ ...valid, [name]: value } as never)),
      );
    }
    await property(notObject, (v) => expectRejected("createWidgetTokenHandler", "options", () => createWidgetTokenHandler(v as never)));
  });

  it("afterwards: no request was sent, no uncaught error, no timer left behind", async () => {
    // Long enough for a timer a rejected call might have armed with a short timeout to fire (badMillis has none
    // positive; the default 30 s timer would outlive the test, so the live-timer count is the check for it).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(uncaught).toEqual([]);
    // The only request is the control call of the first test; its own timers are cleared when it settles.
    expect(liveTimers()).toBeLessThanOrEqual(timersBefore);
  });
});

describe("the reported defects now fail typed (issue 11 items 2 and 6)", () => {
  let client: AirbyteClient;
  beforeAll(() => {
    client = createClient({ baseUrl, clientId: "id", clientSecret: SECRET, maxRetries: 0, logLevel: "off" });
  });

  it("a signal that is not an AbortSignal is a ValidationError before any timer is armed, and nothing crashes later", async () => {
    const timers = liveTimers();
    const before = received;
    const error = await thrown(() => client.workspace("acme").connectors.list({}, { signal: "stop" as never, timeout: 50 }));
    expect(isValidationError(error) && error.code).toBe("invalid_input");
    expect((error as Error).message).toBe('connectors.list: option "signal" must be an AbortSignal, got a string of 4 characters');
    expect(liveTimers()).toBe(timers);
    // Before the fix the 50 ms attempt timer fired here: "removeEventListener is not a function", uncaught.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(uncaught).toEqual([]);
    expect(received).toBe(before);
  });

  it.each([
    ["connectors.list(null)", "filter", () => client.workspace("acme").connectors.list(null as never)],
    ["workspace(42)", "name", () => client.workspace(42 as never)],
    ["createClient({ baseUrl: 8787 })", "baseUrl", () => createClient({ baseUrl: 8787 as never })],
    [
      "paginate().toArray({ limit: -1 })",
      "limit",
      () => client.workspace("acme").connector({ connectorId: ID }).paginate("customers", "list").toArray({ limit: -1 }),
    ],
    ['logLevel: "verbose"', "logLevel", () => createClient({ baseUrl, logLevel: "verbose" as never })],
    ['validation: "bogus"', "validation", () => createClient({ baseUrl, validation: "bogus" as never })],
    ["maxRetries: -5", "maxRetries", () => createClient({ baseUrl, maxRetries: -5 })],
    ["timeout: NaN", "timeout", () => createClient({ baseUrl, timeout: Number.NaN })],
    ["headers: 7", "headers", () => createClient({ baseUrl, headers: 7 as never })],
    ["a 1 MB string as headers", "headers", () => createClient({ baseUrl, headers: "h".repeat(1024 * 1024) as never })],
  ])("%s is a ValidationError naming %s", async (_label, argument, call) => {
    await expectRejected("item 6", argument, call);
  });

  it('names the option as the issue asks: createClient: option "maxRetries" must be a non-negative integer, got -5', async () => {
    const error = await thrown(() => createClient({ baseUrl, maxRetries: -5 }));
    expect((error as Error).message).toBe('createClient: option "maxRetries" must be a non-negative integer, got -5');
  });

  it("never echoes a rejected secret or header value", async () => {
    const error = await thrown(() => createClient({ baseUrl, headers: { authorization: `Bearer ${SECRET}\n` } }));
    expect(isValidationError(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect((error as Error).message).not.toContain(SECRET);
  });

  it("the catalog functions: connectorPaging and describeConnector name the bad argument", async () => {
    for (const args of [
      [1, "customers", "list"],
      ["stripe", null, "list"],
      ["stripe", "customers", ""],
    ] as const) {
      const error = await thrown(() => connectorPaging(...(args as unknown as [string, string, string])));
      expect(isValidationError(error)).toBe(true);
      expect((error as Error).message).toMatch(/slug|entity|action/);
    }
    expect(isValidationError(await thrown(() => describeConnector(42 as unknown as string)))).toBe(true);
  });
});
