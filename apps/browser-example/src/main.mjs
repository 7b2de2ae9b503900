// The page's code: runs the shared scenario in the browser with a widget token.
//
// The page never holds the client secret (not even the emulator's demo one). The server (server.mjs) mints a
// widget token for this page's origin with the secret and hands the page only that token: a workspace-bound
// token that the API (and the emulator) answers CORS for, from this origin only. The token-minting endpoints
// never answer CORS, so a page could not mint with the secret even if it had it.
import * as core from "@airbyte-agents/core";
import { formatSteps, runScenario } from "../../scenario/scenario.mjs";

async function main() {
  const config = await (await fetch("/config.json")).json();
  // The app's own server route mints the widget token (createWidgetTokenHandler): `{ token, expiresAt }`.
  const getToken = async () => {
    const response = await fetch("/api/airbyte/widget-token", { method: "POST" });
    if (!response.ok) throw new Error(`widget-token route answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const steps = await runScenario(core, { baseUrl: config.baseUrl, getToken, label: "browser" });
  document.querySelector("#out").textContent = formatSteps("browser", steps);
  window.__scenario = { done: true, userAgent: navigator.userAgent, steps };
}

main().catch((error) => {
  window.__scenario = { done: true, crashed: String(error?.stack ?? error), steps: [] };
});
