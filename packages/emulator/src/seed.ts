import type { EmulatorContext } from "./context.js";
import { createOrganization } from "./routes/organizations.js";
import { globalTemplate } from "./routes/templates.js";
import { createWorkspace } from "./routes/workspaces.js";
import type { Connector } from "./store.js";

/** The connectors seeded into the demo `default` workspace: a spread of cursor styles, writes and downloads. */
export const DEMO_CONNECTORS: { connector: string; name: string; replication?: Record<string, unknown> }[] = [
  // Replication configs satisfy the catalog's required settings, so the seeded connectors pass check and can be updated.
  { connector: "github", name: "GitHub", replication: { repositories: ["airbytehq/airbyte"], start_date: "2024-01-01T00:00:00Z" } },
  { connector: "stripe", name: "Stripe", replication: { account_id: "acct_demo" } },
  { connector: "linear", name: "Linear" },
  { connector: "zendesk-support", name: "Zendesk Support", replication: { subdomain: "demo" } },
];

/** Fills a fresh store: organizations, applications, global templates and, unless disabled, the demo workspace. */
export function seedStore(ctx: EmulatorContext): void {
  const { store, options } = ctx;
  const now = ctx.nowIso();
  const seconds = Math.floor(ctx.clock.now() / 1000);
  for (const connector of ctx.catalog.all) {
    const template = globalTemplate(ctx, connector, now);
    store.templates.set(template.id, template);
  }
  const demoOrg = createOrganization(store, ctx.idFor("org:demo"), "Demo Organization", seconds);
  store.applications.set(options.clientId, {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    memberships: new Map([[demoOrg.id, "owner"]]),
  });
  for (const app of options.applications) {
    const memberships = new Map<string, "owner" | "admin" | "member" | "billing_admin">();
    for (const membership of app.organizations) {
      const id = membership.id ?? ctx.idFor(`org:${membership.name}`);
      if (!store.organizations.has(id)) createOrganization(store, id, membership.name, seconds);
      memberships.set(id, membership.role);
    }
    store.applications.set(app.clientId, { clientId: app.clientId, clientSecret: app.clientSecret, memberships });
  }
  if (!options.demoData) return;
  const ws = createWorkspace(ctx, { name: "default", organizationId: demoOrg.id });
  for (const demo of DEMO_CONNECTORS) {
    const definition = ctx.catalog.byName(demo.connector);
    if (!definition) continue;
    const scheme = definition.auth[0];
    const credentials = Object.fromEntries((scheme?.required ?? []).map((key) => [key, `demo-${key}`]));
    const connector: Connector = {
      id: ctx.nextId(),
      workspace_id: ws.id,
      name: demo.name,
      template_id: ctx.idFor(`template:${definition.definitionId}`),
      connector_name: definition.name,
      credentials,
      replication_config: demo.replication ?? {},
      environment: {},
      entities: null,
      created_at: now,
      updated_at: now,
    };
    store.connectors.set(connector.id, connector);
  }
}
