import { afterAll, beforeAll } from "vitest";
import { type CreateEmulatorOptions, createEmulator, type RunningEmulator } from "../../src/node.js";
import { assertConforms } from "./conformance.js";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  /** The OpenAPI operation this request hit, when the document covers it. */
  operation: string | undefined;
}

export interface ApiCall {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | string[] | undefined>;
}

/** Every operation a test file saw answered with a 2xx, for the coverage check. */
export const coveredOperations = new Set<string>();

/**
 * A real-HTTP harness over one emulator per test file: every JSON response is validated against the OpenAPI
 * document before the test sees it, so conformance is checked on every call, not on a sample.
 */
export interface Harness {
  emu: RunningEmulator;
  api<T = any>(method: string, path: string, call?: ApiCall): Promise<ApiResponse<T>>;
  appToken(clientId?: string, clientSecret?: string, organizationId?: string): Promise<string>;
  scopedToken(workspaceName: string, appToken?: string): Promise<string>;
  /** Mints a widget token and returns the decoded `{token, widgetUrl}` plus the raw value. */
  widgetToken(workspaceName: string, allowedOrigin: string, appToken?: string): Promise<{ raw: string; token: string; widgetUrl: string }>;
  /** The demo workspace's connectors, keyed by connector name (github, stripe, linear, zendesk-support). */
  demoConnectors(appToken?: string): Promise<Record<string, string>>;
}

export function useEmulator(options: CreateEmulatorOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.emu = await createEmulator({ control: true, ...options });
  });
  afterAll(async () => {
    await harness.emu?.close();
  });

  harness.api = async (method, path, call = {}) => {
    const url = new URL(path, harness.emu.url);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value === undefined) continue;
      for (const v of [value].flat()) url.searchParams.append(key, String(v));
    }
    const headers = new Headers(call.headers);
    if (call.token) headers.set("authorization", `Bearer ${call.token}`);
    let body: string | undefined = call.rawBody;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers.set("content-type", "application/json");
    }
    const res = await fetch(url, { method, headers, body: body ?? null });
    const text = await res.text();
    const isJson = (res.headers.get("content-type") ?? "").includes("application/json");
    const parsed = isJson && text !== "" ? JSON.parse(text) : text === "" ? undefined : text;
    const operation = isJson || text === "" ? assertConforms(method, url.pathname, res.status, parsed) : undefined;
    if (operation && res.status < 300) coveredOperations.add(operation);
    return { status: res.status, headers: res.headers, body: parsed, operation };
  };

  harness.appToken = async (clientId, clientSecret, organizationId) => {
    const res = await harness.api("POST", "/api/v1/account/applications/token", {
      body: { client_id: clientId ?? harness.emu.clientId, client_secret: clientSecret ?? harness.emu.clientSecret },
      ...(organizationId ? { headers: { "x-organization-id": organizationId } } : {}),
    });
    if (res.status !== 200) throw new Error(`token mint failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.access_token as string;
  };

  harness.scopedToken = async (workspaceName, appToken) => {
    const res = await harness.api("POST", "/api/v1/account/applications/scoped-token", {
      token: appToken ?? (await harness.appToken()),
      body: { workspace_name: workspaceName },
    });
    if (res.status !== 200) throw new Error(`scoped mint failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };

  harness.widgetToken = async (workspaceName, allowedOrigin, appToken) => {
    const res = await harness.api("POST", "/api/v1/account/applications/widget-token", {
      token: appToken ?? (await harness.appToken()),
      body: { workspace_name: workspaceName, allowed_origin: allowedOrigin },
    });
    if (res.status !== 200) throw new Error(`widget mint failed: ${res.status} ${JSON.stringify(res.body)}`);
    const decoded = JSON.parse(atob(res.body.token)) as { token: string; widgetUrl: string };
    return { raw: res.body.token, ...decoded };
  };

  harness.demoConnectors = async (appToken) => {
    const res = await harness.api("GET", "/api/v1/integrations/connectors", {
      token: appToken ?? (await harness.appToken()),
      query: { workspace_name: "default" },
    });
    return Object.fromEntries(res.body.data.map((c: any) => [c.summarized_source_template.connector_name, c.id]));
  };

  return harness;
}
