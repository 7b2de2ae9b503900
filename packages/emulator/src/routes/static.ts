import type { Hono } from "hono";
import type { EmulatorContext, Env } from "../context.js";
import { notFound } from "../http/errors.js";
import { widgetConnectorInfo, widgetPage } from "../widget/page.js";
import { isValidOrigin } from "./tokens.js";

const PALETTE = ["#615eff", "#0a7a3d", "#d9480f", "#1971c2", "#ae3ec9", "#e67700", "#2b8a3e", "#c2255c"];

/** A generated icon per connector (initials on a colour), so pages render with no network. */
function iconSvg(label: string, index: number): string {
  const initials = label
    .split(/[\s.-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");
  const colour = PALETTE[index % PALETTE.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="${label.replace(/[<>&"]/g, "")}"><rect width="64" height="64" rx="12" fill="${colour}"/><text x="32" y="40" font-family="system-ui,sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
}

/** The widget page (api-notes §7), connector icons, icon uploads (G5) and a small index page. */
export function registerStaticRoutes(app: Hono<Env>, ctx: EmulatorContext): void {
  app.get("/quick-start/widget", (c) => {
    const workspaceId = c.req.query("workspaceId");
    const allowedOrigin = c.req.query("allowedOrigin");
    if (!workspaceId || !allowedOrigin || !isValidOrigin(allowedOrigin)) {
      return c.html("<h1>Invalid widget link</h1><p>workspaceId and a valid allowedOrigin are required.</p>", 400);
    }
    const origin = new URL(allowedOrigin).origin;
    const connectors = ctx.catalog.all.map(widgetConnectorInfo);
    return c.html(widgetPage(origin, connectors), 200, {
      // Only the app that asked for the token may frame the widget.
      "content-security-policy": `frame-ancestors ${origin}`,
      "cache-control": "no-store",
    });
  });

  app.get("/_icons/:file", (c) => {
    const name = c.req.param("file").replace(/\.svg$/, "");
    const index = ctx.catalog.all.findIndex((x) => x.name === name);
    const connector = ctx.catalog.all[index];
    if (!connector) throw notFound("Unknown icon", "not_found");
    return c.body(iconSvg(connector.displayName, index), 200, {
      "content-type": "image/svg+xml",
      "cache-control": "public, max-age=86400",
    });
  });

  app.put("/_uploads/:id", async (c) => {
    const upload = ctx.store.uploads.get(c.req.param("id"));
    if (!upload) throw notFound("Unknown upload URL", "not_found");
    upload.bytes = new Uint8Array(await c.req.arrayBuffer());
    upload.contentType = c.req.header("content-type") ?? "application/octet-stream";
    return c.body(null, 200);
  });

  app.get("/_uploads/:id", (c) => {
    const upload = ctx.store.uploads.get(c.req.param("id"));
    if (!upload?.bytes) throw notFound("Unknown upload", "not_found");
    return c.body(upload.bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": upload.contentType ?? "application/octet-stream" });
  });

  app.get("/", (c) =>
    c.json({
      name: "airbyte-agents-emulator",
      api: "/api/v1",
      widget: "/quick-start/widget?workspaceId=…&allowedOrigin=…",
      control: ctx.options.control ? "/_emulator" : "disabled",
      connectors: ctx.catalog.all.length,
    }),
  );
}
