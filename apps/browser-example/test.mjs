// Test runner: bundles the page, starts an emulator (API origin http://localhost:<port>) and the page server
// (origin http://127.0.0.1:<port>), opens the page in headless Chromium (/usr/bin/chromium through
// playwright-core) and reads the scenario's steps from the page. The page gets a widget token that the page
// server minted for the page's origin, so every API call is a real cross-origin request that the emulator
// must answer with CORS. Writes .test-results/chromium.json. No Chromium = failure.
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmulator } from "@airbyte-agents/emulator";
import { bundleCheckSteps, PLANTED_SOURCE } from "../scenario/bundle-check.mjs";
import { CHROMIUM, CHROMIUM_ARGS, createSteps, report, reportCrash, userAgentStep } from "../scenario/harness.mjs";
import { buildPage, pageBuildOptions } from "./build.mjs";
import { startPageServer } from "./server.mjs";

const here = import.meta.dirname;
const startedAt = Date.now();
const { steps, check } = createSteps();

let emulator;
let pageServer;
let browser;
try {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH) — not skipping`);
  }
  const { chromium } = await import("playwright-core");
  const { entry } = await buildPage();
  console.log(`page bundle built with core entry ${entry}`);
  // The page bundle (core's browser entry) must not need Node: no built-ins, no process/Buffer.
  const scratch = mkdtempSync(path.join(os.tmpdir(), "airbyte-browser-check-"));
  try {
    writeFileSync(path.join(scratch, "planted.mjs"), PLANTED_SOURCE);
    const label = entry.endsWith("/browser") ? "browser bundle (core/browser)" : "browser bundle (core main entry)";
    steps.push(...(await bundleCheckSteps(label, pageBuildOptions(entry), path.join(scratch, "planted.mjs"))).steps);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  emulator = await createEmulator({ port: 0, hostname: "127.0.0.1", control: true });
  const apiBaseUrl = emulator.url.replace("127.0.0.1", "localhost");
  pageServer = await startPageServer({ apiBaseUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret });
  console.log(`page ${pageServer.origin}/ → API ${apiBaseUrl}`);

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const consoleLines = [];
  page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(`${pageServer.origin}/`);
  await page.waitForFunction(() => window.__scenario?.done === true, null, { timeout: 60_000 });
  const result = await page.evaluate(() => window.__scenario);
  if (result.crashed) check("chromium: the page ran the scenario", false, result.crashed);
  steps.push(...result.steps.map((s) => ({ ...s, name: `chromium: ${s.name}` })));
  check("chromium: ran in headless Chromium", /HeadlessChrome\//.test(result.userAgent), `navigator.userAgent: ${result.userAgent}`);
  steps.push(
    await userAgentStep(emulator, "chromium: the emulator saw the page's calls (browser User-Agent, widget token)", /HeadlessChrome\//, {
      filter: (r) => r.auth === "widget",
    }),
  );

  // Negative control: CORS is really enforced. The token endpoint never answers CORS, so the page cannot read it.
  const blocked = await page.evaluate(async (base) => {
    try {
      const res = await fetch(`${base}/api/v1/account/applications/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ client_id: "x", client_secret: "y" }),
      });
      return `readable: ${res.status}`;
    } catch (error) {
      return `blocked: ${error.name}: ${error.message}`;
    }
  }, apiBaseUrl);
  check("chromium: CORS is enforced (the token endpoint is unreadable from the page)", blocked.startsWith("blocked: TypeError"), blocked);
  const corsErrors = consoleLines.filter((l) => /CORS/.test(l));
  check(
    "chromium: the only CORS error is the negative control's",
    corsErrors.length === 1 && corsErrors[0].includes("/account/applications/token"),
    corsErrors.join("\n") || "none",
  );
  if (consoleLines.length > 0) console.log(`browser console:\n  ${consoleLines.join("\n  ")}`);
  process.exitCode = report(here, "chromium", steps, startedAt);
} catch (error) {
  process.exitCode = reportCrash(here, "chromium", error, steps);
} finally {
  await browser?.close();
  await pageServer?.close();
  await emulator?.close();
}
