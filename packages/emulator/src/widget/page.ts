import type { CatalogConnector } from "../catalog/types.js";

/** One form field: its wire key, and the spec's title and description for the label and help text. */
export interface WidgetField {
  key: string;
  title: string;
  description: string | undefined;
  secret: boolean;
  type: string;
}

/** What the widget page needs to render a connector's form: no records, no schemas. */
export interface WidgetConnectorInfo {
  name: string;
  displayName: string;
  definitionId: string;
  /** The icon route's path on the emulator (same origin as the page): what the templates' `icon` field points at. */
  icon: string;
  /** Schemes in the order a person most likely picks them: a token or API key before OAuth (which needs a flow). */
  auth: { title: string; type: string; fields: WidgetField[] }[];
  replication: WidgetField[];
}

function fieldOf(key: string, prop: Record<string, unknown> | undefined): WidgetField {
  const description = typeof prop?.description === "string" && prop.description !== "" ? prop.description : undefined;
  return {
    key,
    title: typeof prop?.title === "string" && prop.title !== "" ? prop.title : key,
    description,
    secret: prop?.secret === true || prop?.airbyte_secret === true,
    type: String(prop?.type ?? "string"),
  };
}

export function widgetConnectorInfo(connector: CatalogConnector): WidgetConnectorInfo {
  const auth = connector.auth.map((scheme) => ({
    title: scheme.title,
    // The generated catalog carries each scheme's `type` (oauth2, http:bearer, apiKey…); the catalog type omits it.
    type: String((scheme as { type?: unknown }).type ?? ""),
    fields: scheme.required.map((key) => fieldOf(key, scheme.properties[key] as Record<string, unknown> | undefined)),
  }));
  // Stable: OAuth schemes move after the others, which keep the spec's order.
  auth.sort((x, y) => Number(x.type.startsWith("oauth")) - Number(y.type.startsWith("oauth")));
  return {
    name: connector.name,
    displayName: connector.displayName,
    definitionId: connector.definitionId,
    icon: `/_icons/${connector.name}.svg`,
    auth,
    replication: (connector.replicationConfig?.required ?? []).map((key) =>
      fieldOf(key, connector.replicationConfig?.properties[key] as Record<string, unknown> | undefined),
    ),
  };
}

/**
 * The connect widget page: the emulator's counterpart of `app.airbyte.ai/quick-start/widget`. It speaks the
 * postMessage protocol of api-notes §7: asks the parent for a token, creates a connector with it, reports events.
 */
export function widgetPage(allowedOrigin: string, connectors: WidgetConnectorInfo[]): string {
  const data = JSON.stringify({ allowedOrigin, connectors }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connect a source</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1a1a2e; background: #fff; }
  header { display: flex; justify-content: space-between; align-items: center; padding: 12px 16px; border-bottom: 1px solid #e5e5ef; }
  h1 { font-size: 16px; margin: 0; } main { padding: 16px; }
  #search { width: 100%; padding: 8px; box-sizing: border-box; margin-bottom: 12px; }
  #list { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; max-height: 60vh; overflow: auto; }
  .option { padding: 10px; border: 1px solid #d8d8e8; border-radius: 6px; background: #fafaff; cursor: pointer; text-align: left; display: flex; align-items: center; gap: 8px; }
  .option img, #title img { width: 24px; height: 24px; border-radius: 5px; flex: none; } #title { display: flex; align-items: center; gap: 8px; }
  .help { margin: 2px 0 0; color: #5c5c70; font-size: 12px; } [aria-invalid="true"] { border-color: #b00020; outline: 1px solid #b00020; }
  #status ul { margin: 4px 0 0; padding-left: 18px; }
  .option:hover { border-color: #615eff; }
  form label { display: block; margin: 10px 0 4px; font-weight: 600; } form input, form select { width: 100%; padding: 7px; box-sizing: border-box; }
  .actions { margin-top: 16px; display: flex; gap: 8px; } button.primary { background: #615eff; color: #fff; border: 0; padding: 8px 14px; border-radius: 6px; }
  #status { margin-top: 12px; } .error { color: #b00020; } .ok { color: #0a7a3d; }
</style></head>
<body>
<header><h1 id="title">Connect a source</h1><button id="close" data-testid="widget-close" aria-label="Close">✕</button></header>
<main>
  <div id="picker"><input id="search" placeholder="Search connectors" data-testid="widget-search"><div id="list"></div></div>
  <form id="form" hidden data-testid="widget-form"></form>
  <div id="status" role="status" data-testid="widget-status">Waiting for authorization…</div>
</main>
<script>
(() => {
  const config = ${data};
  let token = null; let workspaceName = null; let selected = null;
  const $ = (id) => document.getElementById(id);
  const post = (message) => window.parent.postMessage(message, config.allowedOrigin);
  const setStatus = (text, kind) => { const s = $("status"); s.textContent = text; s.className = kind || ""; };
  window.addEventListener("message", async (event) => {
    if (event.origin !== config.allowedOrigin) return;
    const data = event.data;
    if (data && typeof data === "object" && typeof data.scopedAuthToken === "string") {
      token = data.scopedAuthToken;
      try {
        const res = await fetch("/api/v1/account/applications/scoped-token/info", { headers: { authorization: "Bearer " + token } });
        if (!res.ok) throw new Error("token rejected (" + res.status + ")");
        workspaceName = (await res.json()).workspace_name;
        setStatus("Pick a connector to add to " + workspaceName + ".", "");
        document.body.dataset.ready = "true";
      } catch (error) { setStatus("Authorization failed: " + error.message, "error"); }
    }
  });
  $("close").addEventListener("click", () => post("CLOSE_DIALOG"));
  const showErrors = (text, items) => {
    setStatus(text, "error"); const ul = document.createElement("ul");
    for (const item of items) { const li = document.createElement("li"); li.textContent = item; ul.appendChild(li); }
    if (items.length > 0) $("status").appendChild(ul);
  };
  const render = (filter) => {
    const list = $("list"); list.textContent = "";
    for (const c of config.connectors) {
      if (filter && !c.displayName.toLowerCase().includes(filter.toLowerCase())) continue;
      const b = document.createElement("button"); b.type = "button"; b.className = "option";
      const img = document.createElement("img"); img.src = c.icon; img.alt = "";
      b.append(img, c.displayName); b.setAttribute("data-testid", "connector-option-" + c.name);
      b.addEventListener("click", () => choose(c)); list.appendChild(b);
    }
  };
  // Labelled by the spec's title, with its description as help text; data-title names the field in errors.
  const field = (form, name, label, type, help) => {
    const l = document.createElement("label"); l.textContent = label; l.htmlFor = "f-" + name;
    const i = document.createElement("input"); i.id = "f-" + name; i.name = name; i.type = type; i.setAttribute("data-testid", "field-" + name);
    i.dataset.title = label; form.append(l, i);
    if (help) {
      const h = document.createElement("p"); h.className = "help"; h.id = "h-" + name; h.textContent = help;
      h.setAttribute("data-testid", "help-" + name); i.setAttribute("aria-describedby", h.id); form.appendChild(h);
    }
  };
  const choose = (c) => {
    selected = c; $("picker").hidden = true; const form = $("form"); form.hidden = false; form.textContent = "";
    const icon = document.createElement("img"); icon.src = c.icon; icon.alt = "";
    $("title").replaceChildren(icon, "Connect " + c.displayName);
    field(form, "__name", "Name", "text"); form.elements.__name.value = c.displayName;
    if (c.auth.length > 1) {
      const l = document.createElement("label"); l.textContent = "Authentication"; const s = document.createElement("select");
      s.name = "__scheme"; s.setAttribute("data-testid", "field-scheme");
      c.auth.forEach((a, i) => { const o = document.createElement("option"); o.value = String(i); o.textContent = a.title; s.appendChild(o); });
      s.addEventListener("change", () => renderAuth(c, Number(s.value))); form.append(l, s);
    }
    const box = document.createElement("div"); box.id = "auth"; form.appendChild(box); renderAuth(c, 0);
    for (const r of c.replication) field(form, "replication." + r.key, r.title + (r.type === "array" ? " (comma separated)" : ""), "text", r.description);
    const actions = document.createElement("div"); actions.className = "actions";
    const submit = document.createElement("button"); submit.type = "submit"; submit.className = "primary"; submit.textContent = "Connect"; submit.setAttribute("data-testid", "widget-submit");
    const back = document.createElement("button"); back.type = "button"; back.textContent = "Back";
    back.addEventListener("click", () => { form.hidden = true; $("picker").hidden = false; $("title").textContent = "Connect a source"; });
    actions.append(submit, back); form.appendChild(actions);
  };
  const renderAuth = (c, index) => {
    const box = $("auth"); box.textContent = ""; const scheme = c.auth[index]; if (!scheme) return;
    for (const f of scheme.fields) field(box, "credentials." + f.key, f.title, f.secret ? "password" : "text", f.description);
  };
  $("search").addEventListener("input", (e) => render(e.target.value));
  $("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!token) { setStatus("Not authorized yet.", "error"); return; }
    const form = event.target; const credentials = {}; const replication = {};
    // Every empty field at once, not only the first: the person fixes them in one pass.
    const missing = [...form.querySelectorAll("input")].filter((el) => el.value.trim() === "");
    for (const el of form.querySelectorAll("input")) el.setAttribute("aria-invalid", String(missing.includes(el)));
    if (missing.length > 0) { showErrors("Missing " + missing.length + " required field" + (missing.length > 1 ? "s" : "") + ":", missing.map((el) => el.dataset.title)); missing[0].focus(); return; }
    for (const el of form.querySelectorAll("input")) {
      if (el.name.startsWith("credentials.")) credentials[el.name.slice(12)] = el.value;
      if (el.name.startsWith("replication.")) {
        const key = el.name.slice(12); const spec = selected.replication.find((r) => r.key === key);
        replication[key] = spec && spec.type === "array" ? el.value.split(",").map((v) => v.trim()).filter(Boolean) : el.value;
      }
    }
    setStatus("Connecting…", "");
    const res = await fetch("/api/v1/integrations/connectors", {
      method: "POST", headers: { authorization: "Bearer " + token, "content-type": "application/json" },
      body: JSON.stringify({ workspace_name: workspaceName, definition_id: selected.definitionId, name: form.elements.__name.value, credentials, replication_config: replication }),
    });
    const body = await res.json().catch(() => ({}));
    if (res.ok) {
      setStatus("Connected " + body.name + ".", "ok");
      post({ type: "end_user_action_result", message: "source_created", data: { id: body.id, name: body.name, source_template: body.source_template, replication_config: body.replication_config, created_at: body.created_at, updated_at: body.updated_at } });
    } else {
      const message = body.message || ("HTTP " + res.status);
      const details = (body.errors || []).map((e) => (e.path ? e.path + ": " : "") + (e.message || e.code || ""));
      showErrors("Could not connect: " + message, details);
      post({ type: "end_user_action_result", message: "source_create_error", error: { status: res.status, message, errors: body.errors || [] } });
    }
  });
  render("");
  post("auth_token_request");
})();
</script>
</body></html>`;
}
