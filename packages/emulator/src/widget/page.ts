import type { CatalogConnector } from "../catalog/types.js";

/** What the widget page needs to render a connector's form: no records, no schemas. */
export interface WidgetConnectorInfo {
  name: string;
  displayName: string;
  definitionId: string;
  auth: { title: string; required: string[]; secret: string[] }[];
  replication: { name: string; type: string; title: string }[];
}

export function widgetConnectorInfo(connector: CatalogConnector): WidgetConnectorInfo {
  return {
    name: connector.name,
    displayName: connector.displayName,
    definitionId: connector.definitionId,
    auth: connector.auth.map((scheme) => ({
      title: scheme.title,
      required: scheme.required,
      secret: Object.entries(scheme.properties)
        .filter(([, p]) => p.secret)
        .map(([k]) => k),
    })),
    replication: (connector.replicationConfig?.required ?? []).map((name) => {
      const prop = connector.replicationConfig?.properties[name] ?? {};
      return { name, type: String(prop.type ?? "string"), title: String(prop.title ?? name) };
    }),
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
  .option { padding: 10px; border: 1px solid #d8d8e8; border-radius: 6px; background: #fafaff; cursor: pointer; text-align: left; }
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
  const render = (filter) => {
    const list = $("list"); list.textContent = "";
    for (const c of config.connectors) {
      if (filter && !c.displayName.toLowerCase().includes(filter.toLowerCase())) continue;
      const b = document.createElement("button"); b.type = "button"; b.className = "option";
      b.textContent = c.displayName; b.dataset.testid = "connector-option-" + c.name; b.setAttribute("data-testid", "connector-option-" + c.name);
      b.addEventListener("click", () => choose(c)); list.appendChild(b);
    }
  };
  const field = (form, name, label, type) => {
    const l = document.createElement("label"); l.textContent = label; l.htmlFor = "f-" + name;
    const i = document.createElement("input"); i.id = "f-" + name; i.name = name; i.type = type; i.setAttribute("data-testid", "field-" + name);
    form.append(l, i);
  };
  const choose = (c) => {
    selected = c; $("picker").hidden = true; const form = $("form"); form.hidden = false; form.textContent = "";
    $("title").textContent = "Connect " + c.displayName;
    field(form, "__name", "Name", "text"); form.elements.__name.value = c.displayName;
    if (c.auth.length > 1) {
      const l = document.createElement("label"); l.textContent = "Authentication"; const s = document.createElement("select");
      s.name = "__scheme"; s.setAttribute("data-testid", "field-scheme");
      c.auth.forEach((a, i) => { const o = document.createElement("option"); o.value = String(i); o.textContent = a.title; s.appendChild(o); });
      s.addEventListener("change", () => renderAuth(c, Number(s.value))); form.append(l, s);
    }
    const box = document.createElement("div"); box.id = "auth"; form.appendChild(box); renderAuth(c, 0);
    for (const r of c.replication) field(form, "replication." + r.name, r.title + (r.type === "array" ? " (comma separated)" : ""), "text");
    const actions = document.createElement("div"); actions.className = "actions";
    const submit = document.createElement("button"); submit.type = "submit"; submit.className = "primary"; submit.textContent = "Connect"; submit.setAttribute("data-testid", "widget-submit");
    const back = document.createElement("button"); back.type = "button"; back.textContent = "Back";
    back.addEventListener("click", () => { form.hidden = true; $("picker").hidden = false; $("title").textContent = "Connect a source"; });
    actions.append(submit, back); form.appendChild(actions);
  };
  const renderAuth = (c, index) => {
    const box = $("auth"); box.textContent = ""; const scheme = c.auth[index]; if (!scheme) return;
    for (const key of scheme.required) field(box, "credentials." + key, key, scheme.secret.includes(key) ? "password" : "text");
  };
  $("search").addEventListener("input", (e) => render(e.target.value));
  $("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!token) { setStatus("Not authorized yet.", "error"); return; }
    const form = event.target; const credentials = {}; const replication = {};
    for (const el of form.querySelectorAll("input")) {
      if (el.name.startsWith("credentials.")) credentials[el.name.slice(12)] = el.value;
      if (el.name.startsWith("replication.")) {
        const key = el.name.slice(12); const spec = selected.replication.find((r) => r.name === key);
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
      setStatus("Could not connect: " + message, "error");
      post({ type: "end_user_action_result", message: "source_create_error", error: { status: res.status, message, errors: body.errors || [] } });
    }
  });
  render("");
  post("auth_token_request");
})();
</script>
</body></html>`;
}
