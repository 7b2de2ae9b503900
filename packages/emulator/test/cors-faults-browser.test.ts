import { accessSync, constants } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useEmulator } from "./helpers/emulator.js";

// In headless Chromium (the repository's /usr/bin/chromium through the root's playwright-core, as
// apps/browser-example does): a page on another origin reads an injected 503 and 429, status, body and
// Retry-After, instead of a bare "Failed to fetch". No Chromium is a failure, never a skip.

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"];

const h = useEmulator();

let pageServer: Server;
let pageOrigin: string;
let browser: { newPage(): Promise<BrowserPage>; close(): Promise<void> };
interface BrowserPage {
  goto(url: string): Promise<unknown>;
  evaluate<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
}

beforeAll(async () => {
  accessSync(CHROMIUM, constants.X_OK);
  pageServer = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>app</title>"));
  await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
  pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  const { chromium } = await import("playwright-core");
  browser = (await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })) as unknown as typeof browser;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => pageServer?.close(resolve));
});

describe("faults seen from a browser page on the widget token's allowed origin", () => {
  it("reads the injected 503 and 429 (with Retry-After), then the 200", async () => {
    const widget = (await h.widgetToken("default", pageOrigin)).token;
    const queued = await h.api("PUT", "/_emulator/faults", {
      body: {
        queue: [{ status: 503 }, { status: 429, retryAfter: 3 }].map((f) => ({ ...f, match: { method: "GET", path: "/connectors" } })),
      },
    });
    expect(queued.status).toBe(200);
    const page = await browser.newPage();
    await page.goto(`${pageOrigin}/`);
    const seen = await page.evaluate(
      async ({ url, token }) => {
        const out: { status?: number; message?: string; retryAfter?: string | null; error?: string }[] = [];
        for (let i = 0; i < 3; i++) {
          try {
            const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
            const body = (await res.json()) as { message?: string };
            out.push({ status: res.status, message: body.message ?? "", retryAfter: res.headers.get("retry-after") });
          } catch (error) {
            out.push({ error: String(error) });
          }
        }
        return out;
      },
      { url: `${h.emu.url}/api/v1/integrations/connectors?workspace_name=default`, token: widget },
    );
    expect(seen).toEqual([
      { status: 503, message: "Service Unavailable", retryAfter: null },
      { status: 429, message: "Rate limit exceeded", retryAfter: "3" },
      { status: 200, message: "", retryAfter: null },
    ]);

    // Negative control: CORS is really enforced here. An application token earns no CORS, so its fault is unreadable.
    const appToken = await h.appToken();
    await h.api("PUT", "/_emulator/faults", { body: { queue: [{ status: 503 }] } });
    const blocked = await page.evaluate(
      async ({ url, token }) => {
        try {
          return `readable: ${(await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status}`;
        } catch (error) {
          return `blocked: ${String(error)}`;
        }
      },
      { url: `${h.emu.url}/api/v1/integrations/connectors?workspace_name=default`, token: appToken },
    );
    expect(blocked).toMatch(/^blocked: TypeError/);
    expect((await h.api("GET", "/_emulator/faults")).body.config.queue).toEqual([]);
  }, 60_000);
});
