import { type Context, Hono } from "hono";
import { routePath } from "hono/route";
import { createTokenSigner } from "./auth.js";
import { indexCatalog } from "./catalog/catalog.js";
import { createClock, isoMicros } from "./clock.js";
import { createStats, type EmulatorContext, type Env } from "./context.js";
import { createFaultInjector } from "./faults.js";
import { authMiddleware } from "./http/auth-middleware.js";
import { corsMiddleware } from "./http/cors.js";
import { HttpError } from "./http/errors.js";
import { DropConnection, faultMiddleware } from "./http/fault-middleware.js";
import { requestValidationMiddleware } from "./http/request-validation.js";
import { assertPolicyCoverage, handlerRoute } from "./http/route-policy.js";
import { createRequestValidator } from "./http/validate.js";
import { type EmulatorOptions, resolveOptions } from "./options.js";
import { createRandom, uuidFor, uuidFrom } from "./random.js";
import { registerAskRoutes } from "./routes/ask.js";
import { registerConnectionTemplateRoutes } from "./routes/connection-templates.js";
import { registerConnectorRoutes } from "./routes/connectors.js";
import { type EmulatorControl, type RequestLogEntry, registerControlRoutes } from "./routes/control.js";
import { registerDefinitionRoutes } from "./routes/definitions.js";
import { registerExecuteRoutes } from "./routes/execute.js";
import { registerOAuthRoutes } from "./routes/oauth.js";
import { registerOAuthInitiateRoutes } from "./routes/oauth-initiate.js";
import { registerOrganizationRoutes } from "./routes/organizations.js";
import { ROUTE_POLICIES } from "./routes/policies.js";
import { registerStaticRoutes } from "./routes/static.js";
import { registerTemplateRoutes } from "./routes/templates.js";
import { registerTokenRoutes } from "./routes/tokens.js";
import { registerWorkflowRoutes } from "./routes/workflows.js";
import { registerWorkspaceRoutes } from "./routes/workspaces.js";
import { seedStore } from "./seed.js";
import { createStore } from "./store.js";

/**
 * The emulator as a web-standard fetch handler plus its control surface; no sockets, so it runs anywhere.
 *
 * @example
 * ```ts
 * const emulator: EmulatorApp = createEmulatorApp();
 * Deno.serve((request) => emulator.fetch(request));
 * ```
 */
export interface EmulatorApp {
  /** Handles one request. Pass it to `Deno.serve`, a Worker, `@hono/node-server`, or a client's `fetch` option. */
  fetch(request: Request, env?: unknown): Promise<Response>;
  /** The demo application's credentials. */
  clientId: string;
  clientSecret: string;
  control: EmulatorControl;
}

const REQUEST_LOG_SIZE = 500;

/**
 * Builds the emulator's fetch handler. State lives in the returned object only: two apps never share anything.
 *
 * @example
 * ```ts
 * const emulator = createEmulatorApp({ control: true });
 * const res = await emulator.fetch(new Request("http://emulator/api/v1/account/applications/token", {
 *   method: "POST", body: JSON.stringify({ client_id: emulator.clientId, client_secret: emulator.clientSecret }),
 * }));
 * ```
 */
export function createEmulatorApp(input: EmulatorOptions = {}): EmulatorApp {
  const options = resolveOptions(input);
  const clock = createClock();
  let random = createRandom(options.seed);
  const ctx: EmulatorContext = {
    options,
    store: createStore(),
    clock,
    catalog: indexCatalog(),
    signer: createTokenSigner(clock),
    faults: createFaultInjector(options.faults),
    validator: createRequestValidator(),
    stats: createStats(),
    nextId: () => uuidFrom(random),
    idFor: (name) => uuidFor(`${options.seed}:${name}`),
    nowIso: () => isoMicros(clock.now()),
    reseed: () => {
      random = createRandom(options.seed);
      ctx.store = createStore();
      seedStore(ctx);
    },
  };
  ctx.reseed();
  const requestLog: RequestLogEntry[] = [];
  let requestCounter = 0;
  // Request ids come from a counter, not the seeded PRNG, so traffic never shifts the ids of created objects.
  const instanceTag = Math.floor(Math.random() * 0xffff)
    .toString(16)
    .padStart(4, "0");

  const control: EmulatorControl = {
    reset() {
      clock.reset();
      ctx.reseed();
      ctx.stats = createStats();
      ctx.faults.configure(options.faults);
      requestLog.length = 0;
    },
    advanceClock(seconds) {
      clock.advance(seconds * 1000);
      return clock.now();
    },
    setFaults: (config) => ctx.faults.configure(config),
    stats: () => ({ ...ctx.stats, faults: ctx.faults.counts(), clockOffsetMs: clock.offsetMs() }),
    requests: () => [...requestLog],
  };

  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    requestCounter++;
    const requestId = `req_${instanceTag}${requestCounter.toString(16).padStart(8, "0")}`;
    c.set("requestId", requestId);
    await next();
    c.res.headers.set("x-request-id", requestId);
    if (c.req.path.startsWith("/_emulator/")) return;
    const route = `${c.req.method} ${handlerRoute(c)?.path ?? routePath(c, -1)}`;
    ctx.stats.requests++;
    ctx.stats.routes[route] = (ctx.stats.routes[route] ?? 0) + 1;
    ctx.stats.statuses[String(c.res.status)] = (ctx.stats.statuses[String(c.res.status)] ?? 0) + 1;
    requestLog.push({
      at: ctx.nowIso(),
      method: c.req.method,
      path: c.req.path,
      route,
      status: c.res.status,
      auth: c.get("principal")?.kind ?? (c.req.header("authorization") ? "rejected" : "none"),
      userAgent: c.req.header("user-agent") ?? null,
      organizationHeader: c.req.header("x-organization-id") ?? null,
      query: loggedQuery(c.req.queries()),
      // What an execute asked for (entity, action, params), so tests can check which parameters a client sent.
      // Other bodies are not kept: they carry credentials.
      execute: route === EXECUTE_ROUTE ? await executeBodyOf(c) : null,
      requestId,
    });
    if (requestLog.length > REQUEST_LOG_SIZE) requestLog.shift();
  });

  // Order matters: CORS sees every answer below it; auth and validation run before faults, so an injected 5xx or
  // 429 answers only a request the API would have accepted, and its CORS headers are those its caller earned.
  app.use("/api/*", corsMiddleware(ctx, ROUTE_POLICIES));
  app.use("/api/*", authMiddleware(ctx, ROUTE_POLICIES));
  app.use("/api/*", requestValidationMiddleware(ctx, ROUTE_POLICIES));
  app.use("/api/*", faultMiddleware(ctx));

  registerTokenRoutes(app, ctx);
  registerConnectorRoutes(app, ctx);
  registerOAuthInitiateRoutes(app, ctx);
  registerExecuteRoutes(app, ctx);
  registerDefinitionRoutes(app, ctx);
  registerTemplateRoutes(app, ctx);
  registerConnectionTemplateRoutes(app, ctx);
  registerOAuthRoutes(app, ctx);
  registerAskRoutes(app, ctx);
  registerWorkspaceRoutes(app, ctx);
  registerOrganizationRoutes(app, ctx);
  registerWorkflowRoutes(app, ctx);
  registerStaticRoutes(app, ctx);
  if (options.control) registerControlRoutes(app, ctx, control);
  assertPolicyCoverage(app.routes, ROUTE_POLICIES);

  app.notFound((c) => c.json(new HttpError(404, "Not Found", [{ message: "Not Found", error_code: "not_found" }]).body(), 404));

  app.onError((error, c) => {
    if (error instanceof DropConnection) throw error;
    if (error instanceof HttpError) return c.json(error.body(), error.status as never, error.headers);
    console.error("[airbyte-agents-emulator] unexpected error:", error instanceof Error ? error.message : error);
    return c.json(
      {
        message: "Internal Server Error",
        errors: [{ field: null, message: "Internal Server Error", error_code: "internal_error", details: null }],
      },
      500,
    );
  });

  return {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    control,
    fetch: async (request, env) => {
      try {
        return await app.fetch(request, env);
      } catch (error) {
        if (error instanceof DropConnection) throw new TypeError("fetch failed: the emulator dropped the connection");
        throw error;
      }
    },
  };
}

const EXECUTE_ROUTE = "POST /api/v1/integrations/connectors/:id/execute";

// The request log never holds a credential (contract: the control API is safe to print), query strings included.
const SECRET_QUERY_KEY = /token|secret|password|credential|api[_-]?key|apikey|private[_-]?key|signature/i;

/** Every value of every query parameter, with those of secret-looking parameters masked. */
function loggedQuery(query: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(query).map(([key, values]) => [key, SECRET_QUERY_KEY.test(key) ? values.map(() => "**********") : values]),
  );
}

/** The execute body as the handler parsed it (Hono caches the parse), or null when it was not JSON. */
async function executeBodyOf(c: Context<Env>): Promise<RequestLogEntry["execute"]> {
  try {
    const body = (await c.req.json()) as { entity?: unknown; action?: unknown; params?: unknown };
    const params = body.params && typeof body.params === "object" ? (body.params as Record<string, unknown>) : {};
    return { entity: String(body.entity), action: String(body.action), params };
  } catch {
    return null;
  }
}
