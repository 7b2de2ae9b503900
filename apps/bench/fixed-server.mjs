// A fixed loopback server for the per-call overhead: constant, pre-serialized answers, so every client measured
// against it does the same network and parsing work and nothing on the server side varies between calls.
// The bodies are the emulator's own answers captured once at start (so our client's response validation sees the
// real envelope: result, connector_metadata, execution_metadata), then served as constant bytes:
//   POST /api/v1/account/applications/token          a JWT-shaped token valid for 6 hours
//   GET  /api/v1/integrations/connectors             the seeded connectors (slug resolution)
//   POST /api/v1/integrations/connectors/:id/execute Stripe customers list, 5 records
// Run it in its own process (child.mjs fixed), never in the process that measures.
import { createServer } from "node:http";

const b64url = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function startFixedServer() {
  const { createEmulatorApp } = await import("@airbyte-agents/emulator/app");
  const emulator = createEmulatorApp({ recordCounts: { "stripe.customers": 100 } });
  const call = async (path, init = {}) => {
    const response = await emulator.fetch(new Request(`http://emulator.local${path}`, init));
    if (!response.ok) throw new Error(`capture ${path}: HTTP ${response.status}`);
    return response.text();
  };
  const minted = JSON.parse(
    await call("/api/v1/account/applications/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: emulator.clientId, client_secret: emulator.clientSecret }),
    }),
  );
  const auth = { authorization: `Bearer ${minted.access_token}`, "content-type": "application/json" };
  const connectorsBody = await call("/api/v1/integrations/connectors?workspace_name=default", { headers: auth });
  const stripe = JSON.parse(connectorsBody).data.find((c) => /stripe/i.test(c.name));
  const executeBody = await call(`/api/v1/integrations/connectors/${stripe.id}/execute`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ entity: "customers", action: "list", params: { limit: 5 } }),
  });

  const now = Math.floor(Date.now() / 1000);
  const ttl = 6 * 3600;
  const jwt = [
    b64url({ alg: "HS256", typ: "JWT" }),
    b64url({ typ: "application", org_id: minted.organization_id, sub: "bench", iat: now, exp: now + ttl }),
    Buffer.from("fixed-signature-not-checked").toString("base64url"),
  ].join(".");
  const tokenBody = JSON.stringify({ access_token: jwt, token_type: "bearer", expires_in: ttl, organization_id: minted.organization_id });

  const answers = new Map([
    ["POST /api/v1/account/applications/token", Buffer.from(tokenBody)],
    ["GET /api/v1/integrations/connectors", Buffer.from(connectorsBody)],
    ["POST /execute", Buffer.from(executeBody)],
  ]);
  const counts = { token: 0, connectors: 0, execute: 0, other: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const pathname = req.url.split("?")[0];
      const key = pathname.endsWith("/execute") && req.method === "POST" ? "POST /execute" : `${req.method} ${pathname}`;
      const body = answers.get(key);
      if (!body) {
        counts.other++;
        res.writeHead(404, { "content-type": "application/json" }).end('{"detail":"not served by the fixed server"}');
        return;
      }
      if (key === "POST /execute") counts.execute++;
      else if (key.includes("token")) counts.token++;
      else counts.connectors++;
      res.writeHead(200, { "content-type": "application/json", "content-length": body.length, "x-request-id": "req_fixed" });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    info: {
      url: `http://127.0.0.1:${server.address().port}`,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      connectorId: stripe.id,
      executeBytes: answers.get("POST /execute").length,
      records: JSON.parse(executeBody).result.length,
    },
    counts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
