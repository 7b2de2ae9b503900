// The browser entry bundled as a page ships it (esbuild, splitting on), written to disk and run against the
// emulator, with one lazy chunk missing, as a page sees it offline or after a deploy that replaced its chunks: the
// call that needs the chunk fails with a typed ConnectionError (code "module_load_failed") naming the part, before
// any request when the chunk was needed before sending; a response whose schemas did not load fails a strict read
// (retryable), fails a strict write with mayHaveSucceeded, and is returned unchecked under `warn`.
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../helpers/emulator";

type BrowserEntry = typeof import("../../src/browser");

const ENTRY = fileURLToPath(new URL("../../src/browser.ts", import.meta.url));
const EXECUTE = "POST /api/v1/integrations/connectors/:id/execute";
const h = useEmulator();
const dirs: string[] = [];
let getToken: () => Promise<string>;
let stripeId: string;

interface Bundle {
  entry: BrowserEntry;
  /** The output file that holds a source module (its path under packages/core/src). */
  chunkOf(source: string): string;
  main: string;
}

// A fresh bundle per test: a runtime keeps a module that failed to load as failed (Node's loader does, and so may a
// browser until the page reloads), so one test's missing chunk must not be the next test's.
async function freshBundle(): Promise<Bundle> {
  const dir = mkdtempSync(path.join(tmpdir(), "airbyte-chunks-"));
  dirs.push(dir);
  const result = await build({
    entryPoints: { browser: ENTRY },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: dir,
    metafile: true,
    logLevel: "silent",
  });
  const chunkOf = (source: string): string => {
    const found = Object.entries(result.metafile.outputs).find(([, output]) =>
      Object.keys(output.inputs).some((input) => input.endsWith(`src/${source}`)),
    );
    if (!found) throw new Error(`no chunk holds ${source}`);
    return path.resolve(found[0]);
  };
  const main = path.join(dir, "browser.js");
  return { entry: (await import(pathToFileURL(main).href)) as BrowserEntry, chunkOf, main };
}

beforeAll(async () => {
  const server = h.client();
  stripeId = await server.workspace().connector("stripe").id();
  getToken = async () => (await server.tokens.scoped({ workspaceName: "default" })).token;
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `call` with the chunk holding `source` moved away, then puts it back. */
async function without<T>(bundle: Bundle, source: string, call: () => Promise<T>): Promise<T> {
  const file = bundle.chunkOf(source);
  renameSync(file, `${file}.gone`);
  try {
    return await call();
  } finally {
    renameSync(`${file}.gone`, file);
  }
}

describe("a lazy chunk that does not load (split browser bundle, real emulator)", () => {
  it("the connector runtime and the Stripe catalog are chunks of their own, out of the entry chunk", async () => {
    const bundle = await freshBundle();
    expect(bundle.chunkOf("connectors/runtime.ts")).not.toBe(bundle.main);
    expect(bundle.chunkOf("connectors/generated/stripe.catalog.ts")).not.toBe(bundle.main);
  });

  it("a typed execute without the connector runtime: ConnectionError module_load_failed, nothing sent", async () => {
    const bundle = await freshBundle();
    const { entry } = bundle;
    const browser = entry.createWidgetClient({ baseUrl: h.emu.url, getToken });
    const from = h.emu.requests().length;
    const error = await without(bundle, "connectors/runtime.ts", () =>
      rejection(browser.connector({ connectorId: stripeId, type: "stripe" }).execute("customers", "list", { limit: 1 })),
    );
    expect(entry.isConnectionError(error)).toBe(true);
    expect(entry.isAirbyteError(error) && error.code).toBe("module_load_failed");
    expect(entry.isAirbyteError(error) && error.retryable).toBe(true);
    expect((error as Error).message).toContain("Could not load the SDK's connector runtime");
    expect(
      h.emu
        .requests()
        .slice(from)
        .map((r) => r.route),
    ).not.toContain(EXECUTE);
  });

  it("a typed execute without its catalog chunk names the catalog; an untyped handle needs neither and goes out", async () => {
    const bundle = await freshBundle();
    const browser = bundle.entry.createWidgetClient({ baseUrl: h.emu.url, getToken });
    const error = await without(bundle, "connectors/generated/stripe.catalog.ts", () =>
      rejection(browser.connector({ connectorId: stripeId, type: "stripe" }).execute("customers", "list", { limit: 1 })),
    );
    expect(bundle.entry.isConnectionError(error)).toBe(true);
    expect((error as Error).message).toContain("Could not load the SDK's stripe catalog");
    const { data } = await without(bundle, "connectors/generated/stripe.catalog.ts", () =>
      browser.connector({ connectorId: stripeId }).execute("customers", "list", { limit: 1 }),
    );
    expect(data).toHaveLength(1);
  });

  it("connector setup code (connectors.create) and the catalog prose (describeConnector) fail the same way", async () => {
    const bundle = await freshBundle();
    const browser = bundle.entry.createWidgetClient({ baseUrl: h.emu.url, getToken });
    const created = await without(bundle, "resources/connector-extras.ts", () =>
      rejection(
        browser.connectors.create({ type: "stripe", credentials: { api_key: "sk_test_x" }, replicationConfig: { account_id: "a" } }),
      ),
    );
    expect(bundle.entry.isAirbyteError(created) && created.code).toBe("module_load_failed");
    expect((created as Error).message).toContain("connector setup code");
    const described = await without(bundle, "connectors/describe.ts", () => rejection(bundle.entry.describeConnector("stripe")));
    expect(bundle.entry.isAirbyteError(described) && described.code).toBe("module_load_failed");
    expect((described as Error).message).toContain("connector descriptions");
  });

  it("strict or warn validation without the response schemas: a read fails typed, a write says it may have been applied, warn returns the data", async () => {
    const warnings: string[] = [];
    // A fresh bundle per case (a failed module stays failed in this runtime); each client's first call (the token's
    // workspace, read leniently) is made with the schemas still in place, so only the call under test needs them.
    const client = async () => {
      const bundle = await freshBundle();
      const browser = bundle.entry.createWidgetClient({
        baseUrl: h.emu.url,
        getToken,
        maxRetries: 0,
        logger: { debug() {}, info() {}, warn: (message: string) => warnings.push(message), error() {} },
      });
      await browser.info();
      return { bundle, browser };
    };
    const reader = await client();
    const read = await without(reader.bundle, "schemas/registry.ts", () =>
      rejection(reader.browser.connectors.list({}, { validation: "strict" })),
    );
    expect(reader.bundle.entry.isAirbyteError(read) && [read.code, read.retryable, read.mayHaveSucceeded]).toEqual([
      "module_load_failed",
      true,
      undefined,
    ]);
    expect((read as Error).message).toContain("Could not load the SDK's response schemas");

    const writer = await client();
    const from = h.emu.requests().length;
    const input = { type: "stripe", credentials: { api_key: "sk_test_x" }, replicationConfig: { account_id: "a" } } as const;
    const write = await without(writer.bundle, "schemas/registry.ts", () =>
      rejection(writer.browser.connectors.create(input, { validation: "strict" })),
    );
    expect(writer.bundle.entry.isAirbyteError(write) && [write.code, write.retryable, write.mayHaveSucceeded]).toEqual([
      "module_load_failed",
      false,
      true,
    ]);
    // The create did reach the API and was answered 200: the error says it was applied and does not invite a retry.
    expect(write).toMatchObject({ status: 200 });
    expect((write as Error).message).toContain("Its answer could not be checked");
    expect((write as Error).message).toContain("The API accepted the write (HTTP 200), so it was applied");
    expect((write as Error).message).not.toMatch(/retry|no answer says/);
    expect(
      h.emu
        .requests()
        .slice(from)
        .map((r) => r.route),
    ).toContain("POST /api/v1/integrations/connectors");

    const warner = await client();
    const listed = await without(warner.bundle, "schemas/registry.ts", () => warner.browser.connectors.list({}, { validation: "warn" }));
    expect(listed.length).toBeGreaterThan(0);
    expect(warnings.some((w) => w.includes("response schemas could not be loaded"))).toBe(true);
  });
});
