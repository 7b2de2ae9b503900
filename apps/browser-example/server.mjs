// The page's server: serves index.html and the bundle, and mints widget tokens with the client secret, which
// stays here. `node server.mjs` starts an emulator and this server; open the printed URL in a browser.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as core from "@airbyte-agents/core";

const here = path.dirname(fileURLToPath(import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".map": "application/json" };

/** A Node request as a web `Request` (what core's handlers take). */
async function toRequest(req, url) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

/** Writes a web `Response` to a Node response. */
async function sendResponse(res, response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Starts the page server on 127.0.0.1 (port 0 = any free one). `apiBaseUrl` is the API (the emulator);
 * the widget tokens are minted for this server's own origin.
 */
export async function startPageServer({ apiBaseUrl, clientId, clientSecret, port = 0 }) {
  const airbyte = core.createClient({ baseUrl: apiBaseUrl, clientId, clientSecret });
  let origin = "";
  // The widget-token route: core's createWidgetTokenHandler, a (Request) => Response handler, when core has it.
  const widgetTokenRoute =
    typeof core.createWidgetTokenHandler === "function"
      ? core.createWidgetTokenHandler({
          client: airbyte,
          allowedOrigins: (requestOrigin) => requestOrigin === origin, // this page only
          resolveWorkspace: () => "default", // in an app: authenticate the user, return *their* workspace
        })
      : async (request) => {
          const widget = await airbyte.tokens.widget({ workspaceName: "default", allowedOrigin: request.headers.get("origin") ?? origin });
          return Response.json(
            { token: widget.token, expiresAt: widget.expiresAt.toISOString() },
            { headers: { "cache-control": "no-store" } },
          );
        };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", origin);
      if (url.pathname === "/api/airbyte/widget-token") {
        await sendResponse(res, await widgetTokenRoute(await toRequest(req, url)));
        return;
      }
      if (url.pathname === "/config.json") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ baseUrl: apiBaseUrl }));
        return;
      }
      const file = url.pathname === "/" ? "index.html" : url.pathname.startsWith("/dist/") ? url.pathname.slice(1) : undefined;
      if (!file || file.includes("..")) {
        res.writeHead(404).end("Not found");
        return;
      }
      const body = await readFile(path.join(here, file));
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { createEmulator } = await import("@airbyte-agents/emulator");
  const { buildPage } = await import("./build.mjs");
  await buildPage();
  // The emulator on `localhost`, the page on `127.0.0.1`: two origins, so the browser really does CORS.
  const emulator = await createEmulator({ port: 0, hostname: "127.0.0.1" });
  const apiBaseUrl = emulator.url.replace("127.0.0.1", "localhost");
  const page = await startPageServer({ apiBaseUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret, port: 5173 });
  console.log(`emulator ${apiBaseUrl}\nopen ${page.origin}/`);
}
