// End-to-end test of the playground in headless Chromium (playwright-core + /usr/bin/chromium; a missing Chromium
// FAILS the run). It starts its own emulator (port 0, control API, short widget-token life) on `localhost` and the
// playground server (port 0) on `127.0.0.1` serving the production build, so the page and the API are different
// sites and every API call is a real CORS request. Then it drives the UI as a person would:
//
//   token from the server route → connect widget (<dialog> + the emulator's iframe) → GitHub and Linear connectors
//   created through the iframe's form → listed without reload → a list operation and its second page → a question
//   → the widget token expired on the emulator clock → another operation succeeds silently with a new token
//
// and checks what must never happen: the page receiving (or sending) the client secret or an application token,
// and a token for one workspace reaching another. Writes .test-results/playground.json
// ({ numPassedTests, numFailedTests, steps }) and screenshots to .test-results/screenshots/ (git-ignored).

import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@airbyte-agents/core";
import { createEmulator } from "@airbyte-agents/emulator";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scenario/harness.mjs";
import { startPlaygroundServer } from "../server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const appDir = path.resolve(here, "..");
const WIDGET_TTL_SECONDS = 300;
const STEP_TIMEOUT_MS = 15_000;
// Test artifacts, git-ignored (the repository's .gitignore has .test-results).
const SCREENSHOTS = path.join(appDir, ".test-results", "screenshots");

const startedAt = Date.now();
const steps = [];
/** The page, once open: a failing step saves a screenshot of it. */
let currentPage;

/** Runs one named check; a failure is recorded (with the message) and the run goes on. */
async function step(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    const ms = Date.now() - t0;
    steps.push({ name, ok: true, ms, ...(detail === undefined ? {} : { detail }) });
    console.log(
      `  ✓ ${name} (${ms} ms)${detail === undefined ? "" : ` — ${typeof detail === "string" ? detail : JSON.stringify(detail)}`}`,
    );
    return true;
  } catch (error) {
    const ms = Date.now() - t0;
    const message = String(error?.stack ?? error);
    steps.push({ name, ok: false, ms, error: message });
    if (currentPage) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `failed-${steps.length}.png`);
      await currentPage.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    }
    console.log(`  ✗ ${name} (${ms} ms)\n    ${message.split("\n").slice(0, 6).join("\n    ")}`);
    return false;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function writeReport() {
  const numPassedTests = steps.filter((s) => s.ok).length;
  const numFailedTests = steps.length - numPassedTests;
  const dir = path.join(appDir, ".test-results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "playground.json"), `${JSON.stringify({ numPassedTests, numFailedTests, steps }, null, 2)}\n`);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\nplayground: ${numPassedTests} passed, ${numFailedTests} failed in ${seconds} s`);
  return numFailedTests > 0 || steps.length === 0 ? 1 : 0;
}

/** The newest modification time under a folder (files only). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** The production build: `vite build` when dist/ is missing or older than the sources (turbo builds it first). */
async function ensureBuild() {
  const index = path.join(appDir, "dist/index.html");
  const sources = Math.max(newest(path.join(appDir, "src")), statSync(path.join(appDir, "index.html")).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return "dist/ is up to date";
  const { build } = await import("vite");
  await build({ root: appDir, configFile: path.join(appDir, "vite.config.ts"), logLevel: "warn" });
  return "built dist/ with vite";
}

/** Every JWT in a text, including those inside base64 widget tokens ({token, widgetUrl}). */
function jwtsIn(text) {
  const found = new Set(text.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g) ?? []);
  for (const blob of text.match(/[A-Za-z0-9+/_-]{80,}={0,2}/g) ?? []) {
    try {
      const decoded = Buffer.from(blob.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
      for (const jwt of decoded.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g) ?? []) found.add(jwt);
    } catch {
      // not base64
    }
  }
  return [...found];
}

function claimsOf(jwt) {
  try {
    return JSON.parse(Buffer.from(jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8"));
  } catch {
    return null;
  }
}

let emulator;
let playground;
let proxied;
let browser;
try {
  console.log("playground e2e (headless Chromium)");
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH) — not skipping`);
  }
  const { chromium } = await import("playwright-core");

  await step("the production build is there", ensureBuild);
  await step("the bundle has no code that mints an application token", () => {
    const assets = path.join(appDir, "dist/assets");
    const js = readdirSync(assets).filter((f) => f.endsWith(".js"));
    assert(js.length > 0, "no JavaScript in dist/assets");
    // Connector catalogs (lazily loaded chunks) are data: a connector's own OAuth form field may be named
    // `client_secret` there. They must hold no code and no token route; every other chunk holds neither name.
    const isCatalog = (file) => /\.(catalog|prose)-[\w-]+\.js$/.test(file);
    for (const file of js) {
      const text = readFileSync(path.join(assets, file), "utf8");
      if (isCatalog(file)) {
        const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
        assert(!text.includes("/applications/"), `${file} names a token route`);
        assert(!/\bfetch\(|\bimport\b|\bfunction\b|=>/.test(outsideStrings), `${file} holds code, not only data`);
        continue;
      }
      for (const needle of ["/account/applications/token", "client_secret", "/applications/widget-token", "client_credentials"]) {
        assert(!text.includes(needle), `${file} contains ${JSON.stringify(needle)}`);
      }
    }
    return `${js.length} file(s) clean (${js.filter(isCatalog).length} of them catalog data)`;
  });

  // The emulator on `localhost`, the page on `127.0.0.1`: two sites, so CORS and framing rules really apply.
  emulator = await createEmulator({ port: 0, hostname: "127.0.0.1", control: true, scopedTokenTtlSeconds: WIDGET_TTL_SECONDS });
  const apiBaseUrl = emulator.url.replace("127.0.0.1", "localhost");
  const emulatorOrigin = new URL(apiBaseUrl).origin;
  playground = await startPlaygroundServer({
    apiBaseUrl,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    port: 0,
    onError: () => undefined,
  });
  const origin = playground.origin;
  console.log(`  page ${origin}/ → emulator ${apiBaseUrl}`);

  // The test's own server-side client (never the page's): seeds bob's workspace and knows bob's connector.
  const admin = createClient({ baseUrl: apiBaseUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret });
  await admin.tokens.scoped({ workspaceName: "bob-co" });
  const bobConnector = await admin
    .workspace("bob-co")
    .connectors.create({ connectorType: "Linear", name: "Bob's Linear", credentials: { api_key: "lin_bob" } });

  // The application tokens in play: the playground server's (what it mints widget tokens with) and the test's.
  const appTokens = new Set();
  const collectAppTokens = async () => {
    appTokens.add((await playground.client.tokens.application()).token);
    appTokens.add((await admin.tokens.application()).token);
  };
  await collectAppTokens();

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  currentPage = page;

  // Everything the page (and its iframe) receives and sends, to scan for secrets at the end.
  const received = [];
  const sentAuthorizations = [];
  const scans = [];
  // Headers of every response (page and iframe); bodies once a request has finished (an aborted request, e.g. a
  // superseded query, has none, and asking Chromium for it would wait forever).
  page.on("response", (response) => {
    scans.push(
      response.allHeaders().then(
        (headers) =>
          received.push({ url: response.url(), status: response.status(), frame: response.frame()?.url() ?? "", headers, body: "" }),
        () => undefined,
      ),
    );
  });
  page.on("requestfinished", (request) => {
    scans.push(
      (async () => {
        const response = await request.response();
        if (!response) return;
        let timer;
        const body = await Promise.race([
          response.body().then((b) => b.toString("utf8")),
          new Promise((resolve) => {
            timer = setTimeout(() => resolve(""), 5_000);
          }),
        ])
          .catch(() => "")
          .finally(() => clearTimeout(timer));
        received.push({ url: response.url(), status: response.status(), frame: request.frame()?.url() ?? "", headers: {}, body });
      })(),
    );
  });
  page.on("request", (request) => {
    const authorization = request.headers().authorization;
    if (authorization) sentAuthorizations.push({ url: request.url(), authorization });
  });
  const consoleLines = [];
  const pageErrors = [];
  page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => pageErrors.push(error.message));
  let mainNavigations = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) mainNavigations++;
  });

  const widgetDialog = page.locator("dialog[data-airbyte-connect-widget]");
  const widgetFrame = page.frameLocator("dialog[data-airbyte-connect-widget] iframe");
  const rowsShown = async () => Number(await page.getByTestId("result-count").getAttribute("data-rows"));
  const visibleErrors = () => page.getByTestId("error").count();
  const connectorItem = (name) => page.getByTestId("connector-item").filter({ hasText: name });

  await step("the page loads and a widget token is minted through the server route", async () => {
    const tokenResponse = page.waitForResponse(
      (r) => r.url() === `${origin}/api/airbyte/widget-token` && r.request().headers()["x-demo-user"] === "alice",
    );
    tokenResponse.catch(() => undefined);
    await page.goto(`${origin}/`);
    await page.getByTestId("user-select").selectOption("alice");
    const response = await tokenResponse;
    assert(response.status() === 200, `token route answered ${response.status()}`);
    const body = await response.json();
    assert(JSON.stringify(Object.keys(body).sort()) === '["expiresAt","token"]', `token route answered keys ${Object.keys(body)}`);
    const decoded = JSON.parse(Buffer.from(body.token, "base64").toString("utf8"));
    const claims = claimsOf(decoded.token);
    assert(claims?.allowed_origin === origin, `token bound to ${claims?.allowed_origin}, not ${origin}`);
    assert(new URL(decoded.widgetUrl).origin === new URL(apiBaseUrl).origin, `widgetUrl ${decoded.widgetUrl}`);
    assert((await response.headerValue("cache-control")) === "no-store", "token response is cacheable");
    await page.getByTestId("workspace-name").filter({ hasText: "alice-co" }).waitFor();
    await page.getByTestId("connectors-empty").waitFor();
    const mode = await page.getByTestId("mode").getAttribute("data-api");
    assert(mode === "direct", `browser API mode ${mode}`);
    const stats = await emulator.stats();
    assert(stats.tokenMints.widget >= 1, "the emulator saw no widget mint");
    return `workspace alice-co, ${stats.tokenMints.widget} widget mint(s), expires ${body.expiresAt}`;
  });

  await step("the connect widget opens: a <dialog> holding the emulator's widget page", async () => {
    await page.getByRole("button", { name: "Connect a source" }).click();
    await widgetDialog.waitFor({ state: "visible" });
    assert(await widgetDialog.evaluate((d) => d.open && d.matches(":modal")), "the dialog is not a modal");
    const src = await page.locator("dialog[data-airbyte-connect-widget] iframe").getAttribute("src");
    assert(src?.startsWith(`${apiBaseUrl}/quick-start/widget`), `iframe src ${src}`);
    // The iframe asked for the token (postMessage) and the emulator accepted it.
    await widgetFrame.locator("body[data-ready='true']").waitFor();
    await widgetFrame.getByTestId("widget-status").filter({ hasText: "alice-co" }).waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "widget.png") });
    return src.split("?")[0];
  });

  await step("the widget shows the icons the emulator serves, every one loaded", async () => {
    const icons = await widgetFrame
      .locator("[data-testid^=connector-option-] img")
      .evaluateAll((imgs) => imgs.map((img) => ({ src: img.getAttribute("src"), loaded: img.complete && img.naturalWidth > 0 })));
    assert(icons.length >= 40, `${icons.length} icons`);
    const broken = icons.filter((i) => !i.loaded).map((i) => i.src);
    assert(broken.length === 0, `icons not loaded: ${broken.slice(0, 5).join(", ")}`);
    const github = icons.find((i) => i.src === "/_icons/github.svg");
    assert(github, "no GitHub icon at /_icons/github.svg (the templates' icon URL)");
    return `${icons.length} icons loaded`;
  });

  await step("the widget's form: token scheme first, labels and help from the spec, both missing fields reported", async () => {
    await widgetFrame.getByTestId("connector-option-github").click();
    const scheme = widgetFrame.getByTestId("field-scheme");
    const chosen = await scheme.evaluate((s) => s.options[s.selectedIndex]?.textContent);
    assert(chosen === "Personal Access Token", `default scheme ${chosen}, not the token`);
    const labelOf = (name) => widgetFrame.locator(`label[for="f-${name}"]`).textContent();
    const tokenLabel = await labelOf("credentials.token");
    const reposLabel = await labelOf("replication.repositories");
    assert(tokenLabel === "Personal Access Token", `token field labelled ${tokenLabel}`);
    assert(reposLabel?.startsWith("GitHub Repositories"), `repositories field labelled ${reposLabel}`);
    const help = await widgetFrame.getByTestId("help-replication.repositories").textContent();
    assert(help?.includes("airbytehq/airbyte"), `repositories help: ${help}`);
    // Submit with both required fields empty: the widget names both, and sends nothing.
    await widgetFrame.getByTestId("widget-submit").click();
    const status = widgetFrame.getByTestId("widget-status");
    await status.filter({ hasText: "Missing 2 required fields" }).waitFor();
    const items = await status.locator("li").allTextContents();
    assert(items.length === 2 && items[0] === "Personal Access Token" && items[1]?.startsWith("GitHub Repositories"), `missing: ${items}`);
    const invalid = await widgetFrame.locator("[aria-invalid=true]").count();
    assert(invalid === 2, `${invalid} fields marked invalid`);
    await page.screenshot({ path: path.join(SCREENSHOTS, "widget-missing.png") });
    return `${chosen}; missing: ${items.join(", ")}`;
  });

  const created = {};
  await step("a GitHub connector is created through the widget's form and listed without a reload", async () => {
    // The form from the previous step is still open, with the token scheme already chosen.
    await widgetFrame.getByTestId("field-__name").fill("Acme GitHub");
    await widgetFrame.getByTestId("field-credentials.token").fill("ghp_playground_e2e");
    await widgetFrame.getByTestId("field-replication.repositories").fill("acme/app, acme/api");
    await widgetFrame.getByTestId("widget-submit").click();
    await widgetFrame.getByTestId("widget-status").filter({ hasText: "Connected Acme GitHub" }).waitFor();
    await page.getByTestId("widget-notice").filter({ hasText: "Connected Acme GitHub" }).waitFor();
    await connectorItem("Acme GitHub").waitFor();
    created.github = await connectorItem("Acme GitHub").getAttribute("data-connector-id");
    assert(mainNavigations === 1, `the page navigated ${mainNavigations} times`);
    // The widget's close button posts CLOSE_DIALOG.
    await widgetFrame.getByTestId("widget-close").click();
    await widgetDialog.waitFor({ state: "hidden" });
    const state = await (await fetch(`${emulator.url}/_emulator/state`)).json();
    const stored = JSON.stringify(state).includes(created.github);
    assert(stored, "the emulator has no such connector");
    return created.github;
  });

  await step("a Linear connector is created through the widget too", async () => {
    await page.getByRole("button", { name: "Connect a source" }).click();
    await widgetDialog.waitFor({ state: "visible" });
    await widgetFrame.locator("body[data-ready='true']").waitFor();
    await widgetFrame.getByTestId("widget-search").fill("linear");
    await widgetFrame.getByTestId("connector-option-linear").click();
    await widgetFrame.getByTestId("field-__name").fill("Acme Linear");
    await widgetFrame.getByTestId("field-credentials.api_key").fill("lin_api_playground_e2e");
    await widgetFrame.getByTestId("widget-submit").click();
    await widgetFrame.getByTestId("widget-status").filter({ hasText: "Connected Acme Linear" }).waitFor();
    await connectorItem("Acme Linear").waitFor();
    created.linear = await connectorItem("Acme Linear").getAttribute("data-connector-id");
    await widgetFrame.getByTestId("widget-close").click();
    await widgetDialog.waitFor({ state: "hidden" });
    const count = await page.getByTestId("connector-item").count();
    assert(count === 2, `${count} connectors listed`);
    assert(mainNavigations === 1, `the page navigated ${mainNavigations} times`);
    return created.linear;
  });

  await step("presets fit the connector just created (its catalog's list actions, owner/repo from its repositories)", async () => {
    await connectorItem("Acme GitHub").click();
    const params = page.getByLabel("Parameters (JSON)");
    await page.waitForFunction(() => document.querySelector("[data-testid=operation-params]")?.value.includes('"owner": "acme"'));
    const preset = JSON.parse(await params.inputValue());
    assert(preset.owner === "acme" && preset.repo === "app" && preset.per_page === 10, `preset ${JSON.stringify(preset)}`);
    const entities = await page.locator("[data-testid=entity-presets] option").evaluateAll((os) => os.map((o) => o.value));
    assert(entities.includes("issues") && entities.includes("pull_requests"), `entities ${entities}`);
    return `${await page.getByLabel("Entity").inputValue()} ${JSON.stringify(preset)}; ${entities.length} entities`;
  });

  await step("a list operation runs and a second page loads with “Load more”", async () => {
    await connectorItem("Acme GitHub").click();
    await page.getByLabel("Entity").fill("issues");
    await page.getByLabel("Parameters (JSON)").fill(JSON.stringify({ owner: "acme", repo: "app", per_page: 10 }));
    const before = (await emulator.requests()).length;
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator("[data-testid=result-count][data-pages='1']").waitFor();
    const firstPage = await rowsShown();
    assert(firstPage === 10, `first page has ${firstPage} rows`);
    const firstRow = await page.getByTestId("result-row").nth(0).textContent();
    await page.getByRole("button", { name: "Load more" }).click();
    await page.locator("[data-testid=result-count][data-pages='2']").waitFor();
    const both = await rowsShown();
    assert(both === 20, `two pages have ${both} rows`);
    const eleventh = await page.getByTestId("result-row").nth(10).textContent();
    assert(eleventh.replace(/^\d+/, "") !== firstRow.replace(/^\d+/, ""), "the second page repeats the first");
    // POSTs only: the browser may send a CORS preflight (OPTIONS) first.
    const executes = (await emulator.requests()).slice(before).filter((r) => r.method === "POST" && r.path.endsWith("/execute"));
    assert(executes.length === 2, `${executes.length} execute calls: ${JSON.stringify(executes.map((r) => [r.status, r.auth, r.at]))}`);
    assert(
      executes.every((r) => r.auth === "widget" && r.status === 200 && /HeadlessChrome\//.test(r.userAgent ?? "")),
      `execute calls: ${JSON.stringify(executes.map((r) => [r.auth, r.status, r.userAgent]))}`,
    );
    assert((await visibleErrors()) === 0, "an error is shown");
    // The code panel shows the call it ran, with the real arguments, in core's and React's form.
    const core = await page.getByTestId("code-execute-core").textContent();
    const react = await page.getByTestId("code-execute-react").textContent();
    for (const [form, text] of [
      ["core", core],
      ["react", react],
    ]) {
      for (const needle of [created.github, '"issues", "list"', '"owner": "acme"', '"repo": "app"', '"per_page": 10']) {
        assert(text?.includes(needle), `${form} code lacks ${needle}: ${text}`);
      }
    }
    assert(core.includes("connector.execute(") && react.includes("useInfiniteExecute("), "code forms");
    assert((await page.getByTestId("code-execute-copy-core").count()) === 1, "no copy button");
    // The inspector lists both execute calls with status and time; headers are redacted.
    const rows = page.locator("[data-testid=inspector-row][data-method=POST][data-status='200']");
    const executeRows = await rows.evaluateAll((trs) =>
      trs.filter((tr) => tr.dataset.path.endsWith("/execute")).map((tr) => tr.textContent),
    );
    assert(executeRows.length >= 2, `${executeRows.length} execute rows in the inspector`);
    assert(
      executeRows.every((t) => / ms$/.test(t)),
      `rows without a time: ${executeRows}`,
    );
    const headers = (await page.getByTestId("inspector-headers").allTextContents()).join("\n");
    assert(/authorization: /i.test(headers), "no authorization header shown (redacted)");
    assert(!/eyJ[\w-]+\.[\w-]+/.test(headers), "a JWT in the inspector");
    await page.getByTestId("inspector").screenshot({ path: path.join(SCREENSHOTS, "inspector.png") });
    return `${both} rows over 2 pages, widget-token calls from ${executes[0].userAgent?.match(/HeadlessChrome\/\S+/)?.[0]}`;
  });

  await step("a question is answered (through the server's ask route)", async () => {
    const askResponse = page.waitForResponse((r) => r.url() === `${origin}/api/airbyte/ask`);
    askResponse.catch(() => undefined);
    // The sample question names the selected connector (Acme GitHub), and that connector answers it.
    const sample = (await page.getByTestId("ask-sample").textContent()) ?? "";
    assert(sample.includes("GitHub"), `sample question ${sample}`);
    await page.getByTestId("ask-sample").click();
    await page.getByRole("button", { name: "Ask" }).click();
    assert((await askResponse).status() === 200, "ask route failed");
    const answer = page.getByTestId("ask-answer");
    await answer.waitFor();
    const outcome = await answer.getAttribute("data-outcome");
    const text = (await answer.textContent()) ?? "";
    assert(outcome === "success", `outcome ${outcome}: ${text}`);
    assert(text.trim().length > 0, "empty answer");
    const by = await page.getByTestId("ask-connectors").textContent();
    assert(by === "Acme GitHub", `"${sample}" answered by ${by}`);
    const code = (await page.getByTestId("code-ask-react").textContent()) ?? "";
    assert(code.includes(`ask.mutate(${JSON.stringify(sample)})`), `ask code: ${code}`);
    const askRow = page.locator("[data-testid=inspector-row][data-path='/api/airbyte/ask'][data-status='200']");
    assert((await askRow.count()) === 1, "the ask call is not in the inspector");
    await page.screenshot({ path: path.join(SCREENSHOTS, "playground.png"), fullPage: true });
    return text.split("\n")[0].slice(0, 100);
  });

  await step(
    "after the widget token expires (emulator clock), the next operation succeeds with a new token and no visible error",
    async () => {
      const mintsBefore = (await emulator.stats()).tokenMints.widget;
      const fetchesBefore = Number(await page.getByTestId("token-status").getAttribute("data-fetches"));
      const logBefore = (await emulator.requests()).length;
      await emulator.advanceClock(WIDGET_TTL_SECONDS + 30);
      await page.getByLabel("Entity").fill("pull_requests");
      await page.getByRole("button", { name: "Run" }).click();
      await page.locator("[data-testid=result-count][data-pages='1']").waitFor();
      assert((await rowsShown()) > 0, "no rows");
      assert((await visibleErrors()) === 0, "an error is shown");
      const mintsAfter = (await emulator.stats()).tokenMints.widget;
      assert(mintsAfter > mintsBefore, `widget mints ${mintsBefore} → ${mintsAfter}`);
      await page.locator(`[data-testid=token-status][data-fetches='${fetchesBefore + 1}']`).waitFor();
      const log = (await emulator.requests()).slice(logBefore);
      const expired = log.filter((r) => r.status === 401);
      assert(expired.length >= 1, `no 401 after the clock moved: ${JSON.stringify(log.map((r) => [r.method, r.path, r.status]))}`);
      const replayed = log.filter((r) => r.path.endsWith("/execute") && r.status === 200);
      assert(replayed.length === 1, `${replayed.length} successful execute calls`);
      return `widget mints ${mintsBefore} → ${mintsAfter}; ${expired.length} × 401 (${expired[0].path}) then a replay`;
    },
  );

  await step("a widget token for workspace A is refused on workspace B (403), from the page", async () => {
    const result = await page.evaluate(
      async ({ api, bobId }) => {
        const res = await fetch("/api/airbyte/widget-token", { method: "POST", headers: { "x-demo-user": "alice" } });
        const { token } = await res.json();
        const b64 = token.replace(/-/g, "+").replace(/_/g, "/");
        const inner = JSON.parse(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4))).token;
        const auth = { authorization: `Bearer ${inner}` };
        const get = await fetch(`${api}/api/v1/integrations/connectors/${bobId}`, { headers: auth });
        const execute = await fetch(`${api}/api/v1/integrations/connectors/${bobId}/execute`, {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify({ entity: "issues", action: "list", params: {} }),
        });
        const list = await fetch(`${api}/api/v1/integrations/connectors?workspace_name=bob-co`, { headers: auth });
        const listed = list.ok ? (await list.json()).data.map((c) => c.id) : [];
        return { get: get.status, execute: execute.status, list: list.status, listed, body: await get.text() };
      },
      { api: apiBaseUrl, bobId: bobConnector.id },
    );
    assert(result.get === 403, `GET B's connector with A's token: ${result.get}`);
    assert(result.execute === 403, `execute B's connector with A's token: ${result.execute}`);
    assert(!result.listed.includes(bobConnector.id), "listing workspace_name=bob-co with A's token showed B's connector");
    const list = result.list === 200 ? `list forced to A (${result.listed.length} connectors)` : `list ${result.list}`;
    return `get ${result.get}, execute ${result.execute}, ${list}`;
  });

  await step("the proxy route relays the widget token (the hosted-API path) and refuses requests without one", async () => {
    const result = await page.evaluate(async () => {
      const { token } = await (await fetch("/api/airbyte/widget-token", { method: "POST", headers: { "x-demo-user": "alice" } })).json();
      const b64 = token.replace(/-/g, "+").replace(/_/g, "/");
      const inner = JSON.parse(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4))).token;
      const info = await fetch("/api/airbyte/proxy/api/v1/account/applications/scoped-token/info", {
        headers: { authorization: `Bearer ${inner}` },
      });
      const anonymous = await fetch("/api/airbyte/proxy/api/v1/integrations/connectors");
      const minting = await fetch("/api/airbyte/proxy/api/v1/account/applications/token", { method: "POST" });
      return { info: info.status, workspace: (await info.json()).workspace_name, anonymous: anonymous.status, minting: minting.status };
    });
    assert(result.info === 200 && result.workspace === "alice-co", JSON.stringify(result));
    assert(result.anonymous === 401, `no token: ${result.anonymous}`);
    assert(result.minting === 404, `token endpoint through the proxy: ${result.minting}`);
    return result;
  });

  await step("switching the demo user shows only that workspace's connectors", async () => {
    await page.getByTestId("user-select").selectOption("demo");
    await page.getByTestId("workspace-name").filter({ hasText: "default" }).waitFor();
    await page.getByTestId("connector-list").waitFor();
    const names = await page.getByTestId("connector-item").allTextContents();
    assert(names.length === 4, `default lists ${names.length} connectors`);
    assert(!names.some((n) => n.includes("Acme")), "alice's connectors leaked into the demo workspace");
    const types = await page.locator("[data-testid=connector-item] .connector-type").allTextContents();
    await page.getByTestId("user-select").selectOption("alice");
    await connectorItem("Acme GitHub").waitFor();
    return `default: ${types.join(", ")}`;
  });

  await step("a mistake the spec can see is a ValidationError listing the valid choices", async () => {
    await connectorItem("Acme Linear").click();
    await page.getByLabel("Entity").fill("no_such_entity");
    await page.getByRole("button", { name: "Run" }).click();
    const error = page.getByTestId("error");
    await error.waitFor();
    const code = await error.getByTestId("error-code").textContent();
    const text = (await error.textContent()) ?? "";
    assert(code === "invalid_input", `code ${code}`);
    assert(text.includes("valid:") && text.includes("issues"), `the message lists the valid entities: ${text.slice(0, 200)}`);
    return `${code}: ${text.slice(0, 80)}…`;
  });

  await step("errors are shown as typed messages (code, status, request id)", async () => {
    await connectorItem("Acme Linear").click();
    await page.getByLabel("Entity").fill("issues");
    // A filter operator the context store does not know: only the server can say so (a 422 with its request id).
    await page.getByLabel("Action").selectOption("search");
    await page.getByLabel("Parameters (JSON)").fill(JSON.stringify({ query: { filter: { no_such_operator: { title: "x" } } } }));
    await page.getByRole("button", { name: "Run" }).click();
    const error = page.getByTestId("error");
    await error
      .getByTestId("error-status")
      .filter({ hasText: /^\d{3}$/ })
      .waitFor();
    const code = await error.getByTestId("error-code").textContent();
    const status = await error.getByTestId("error-status").textContent();
    const requestId = await error.getByTestId("error-request-id").textContent();
    assert(/^\d{3}$/.test(status ?? "") && Number(status) >= 400, `status ${status}`);
    assert(code !== "—" && requestId !== "—", `code ${code}, request id ${requestId}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, "error.png"), fullPage: true });
    return `${status} ${code} (request ${requestId})`;
  });

  await collectAppTokens();
  await Promise.all(scans);
  await step("the page never receives the client secret or an application token (bodies and headers, iframe included)", async () => {
    assert(received.length > 20, `only ${received.length} responses seen`);
    assert(
      received.some((r) => r.url.includes("/quick-start/widget")) && received.some((r) => r.frame.includes("/quick-start/widget")),
      "the iframe's responses were not seen",
    );
    const secret = emulator.clientSecret;
    const jwts = new Set();
    for (const r of received) {
      const text = `${JSON.stringify(r.headers)}\n${r.body}`;
      assert(!text.includes(secret), `the client secret is in ${r.url}`);
      assert(!text.includes(emulator.clientId), `the client id is in ${r.url}`);
      for (const token of appTokens) assert(!text.includes(token), `an application token is in ${r.url}`);
      for (const jwt of jwtsIn(text)) jwts.add(jwt);
    }
    for (const jwt of jwts) {
      const claims = claimsOf(jwt);
      assert(claims && claims.typ !== "application", `an application JWT reached the page: ${JSON.stringify(claims)}`);
      assert(claims["io.airbyte.auth.workspace_scope"], `a JWT without a workspace scope reached the page: ${JSON.stringify(claims)}`);
    }
    assert(jwts.size >= 2, `only ${jwts.size} widget JWTs seen (expected the first and the refreshed one)`);
    return `${received.length} responses, ${jwts.size} JWTs (all workspace-scoped), ${appTokens.size} application tokens checked`;
  });

  await step("the page only ever sends workspace-scoped tokens", async () => {
    assert(sentAuthorizations.length > 0, "no authorization header seen");
    for (const { url, authorization } of sentAuthorizations) {
      const jwt = authorization.replace(/^Bearer\s+/i, "");
      assert(!appTokens.has(jwt), `an application token was sent to ${url}`);
      assert(claimsOf(jwt)?.["io.airbyte.auth.workspace_scope"], `a non-scoped token was sent to ${url}`);
    }
    const browserCalls = (await emulator.requests()).filter(
      (r) => /HeadlessChrome\//.test(r.userAgent ?? "") && r.path.startsWith("/api/"),
    );
    const kinds = [...new Set(browserCalls.map((r) => r.auth))];
    // "rejected": the expired widget token of the refresh step (its 401).
    assert(
      kinds.every((k) => k === "widget" || k === "none" || k === "rejected"),
      `the emulator saw browser calls with auth ${kinds}`,
    );
    const rejected = browserCalls.filter((r) => r.auth === "rejected");
    assert(
      rejected.every((r) => r.status === 401),
      `rejected tokens answered ${rejected.map((r) => r.status)}`,
    );
    return `${sentAuthorizations.length} requests; emulator auth kinds from the browser: ${kinds.join(", ")}`;
  });

  await step("no page errors and no CORS failures in the console", async () => {
    assert(pageErrors.length === 0, `page errors: ${pageErrors.join("; ")}`);
    const cors = consoleLines.filter((l) => /CORS|Content Security Policy/i.test(l));
    assert(cors.length === 0, cors.join("\n"));
    return `${consoleLines.length} console line(s)`;
  });
  if (consoleLines.length > 0) console.log(`  browser console:\n    ${consoleLines.join("\n    ")}`);

  // The hosted API's path: the browser reaches the API only through the server's proxy route (same origin).
  await step("proxy mode (the hosted API's path): the page lists and pages through /api/airbyte/proxy only", async () => {
    proxied = await startPlaygroundServer({
      apiBaseUrl,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      api: "proxy",
      port: 0,
      onError: () => undefined,
    });
    const proxyPage = await context.newPage();
    proxyPage.setDefaultTimeout(STEP_TIMEOUT_MS);
    const apiCalls = [];
    const problems = [];
    proxyPage.on("request", (r) => {
      if (r.url().startsWith(emulatorOrigin) || r.url().includes("/api/airbyte/proxy/")) apiCalls.push(r.url());
    });
    proxyPage.on("pageerror", (e) => problems.push(e.message));
    proxyPage.on("console", (m) => /CORS|Content Security Policy/i.test(m.text()) && problems.push(m.text()));
    await proxyPage.goto(`${proxied.origin}/`);
    await proxyPage.getByTestId("user-select").selectOption("alice");
    assert((await proxyPage.getByTestId("mode").getAttribute("data-api")) === "proxy", "not in proxy mode");
    await proxyPage.locator("[data-testid=connector-item]").filter({ hasText: "Acme GitHub" }).click();
    await proxyPage.getByRole("button", { name: "Run" }).click();
    await proxyPage.locator("[data-testid=result-count][data-pages='1']").waitFor();
    await proxyPage.getByRole("button", { name: "Load more" }).click();
    await proxyPage.locator("[data-testid=result-count][data-pages='2']").waitFor();
    assert((await proxyPage.getByTestId("error").count()) === 0, "an error is shown");
    const direct = apiCalls.filter((url) => url.startsWith(emulatorOrigin));
    assert(direct.length === 0, `the page called the API directly: ${direct.join(", ")}`);
    assert(problems.length === 0, problems.join("\n"));
    await proxyPage.close();
    return `${apiCalls.length} API calls, all through ${proxied.origin}/api/airbyte/proxy`;
  });
} catch (error) {
  steps.push({ name: "playground e2e: test runner", ok: false, error: String(error?.stack ?? error) });
  console.error(error);
} finally {
  await browser?.close().catch(() => undefined);
  await playground?.close().catch(() => undefined);
  await proxied?.close().catch(() => undefined);
  await emulator?.close().catch(() => undefined);
}
process.exitCode = writeReport();
