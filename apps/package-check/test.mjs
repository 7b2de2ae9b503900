// Checks what users would install, not the workspace: `pnpm pack`s core, the emulator and react (when built)
// into a temp folder, runs publint --strict and attw on each tarball, installs core's and the emulator's
// tarballs into a clean project in os.tmpdir() with npm, and checks ESM import, CJS require, the subpath
// entries (each on the machine's Node and on Node 22 and 24, from apps/node-runtimes), the emulator's CLI, a real call from the packed core to the packed emulator, `tsc --noEmit`
// (node16, bundler, node10, Node types without DOM) and Deno over the installed package.
// Then runs the release's version step on a copy of the manifests (no 0.x package may become 1.0.0 unasked).
// Writes .test-results/package.json as { numPassedTests, numFailedTests }.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { nodeRuntimes } from "@airbyte-agents/node-runtimes";
import { findBinary, report, reportCrash, run } from "../scenario/harness.mjs";

const here = import.meta.dirname;
const root = path.resolve(here, "../..");
const startedAt = Date.now();
const steps = [];
const notes = [];
const check = (name, ok, detailOrError) =>
  steps.push(
    ok ? { name, ok, ...(detailOrError === undefined ? {} : { detail: detailOrError }) } : { name, ok, error: String(detailOrError) },
  );
const tail = (text, lines = 30) => text.trim().split("\n").slice(-lines).join("\n");

const packages = [
  { name: "@airbyte-agents/core", dir: path.join(root, "packages/core") },
  { name: "@airbyte-agents/emulator", dir: path.join(root, "packages/emulator") },
  { name: "@airbyte-agents/react", dir: path.join(root, "packages/react"), optional: true },
  // Packed, publint and attw only: its frameworks are optional peers, exercised by its own tests.
  { name: "@airbyte-agents/tools", dir: path.join(root, "packages/tools"), optional: true },
];

const work = mkdtempSync(path.join(os.tmpdir(), "airbyte-package-check-"));
try {
  const publint = findBinary("publint", here);
  const attw = findBinary("attw", here);
  const pnpm = findBinary("pnpm", here);
  const npm = findBinary("npm", here);
  const tsc = createRequire(path.join(root, "package.json")).resolve("typescript/bin/tsc");

  // 1. Pack each package as it would be published (pnpm pack: workspace: ranges replaced), into a temp folder.
  // publint and attw then read these tarballs. (`attw --pack <dir>` would run `npm pack` inside the package
  // folder and leave/delete a .tgz there, next to the sources.)
  const tarballs = path.join(work, "tarballs");
  mkdirSync(tarballs);
  const packed = {};
  for (const pkg of packages) {
    if (pkg.optional && !existsSync(path.join(pkg.dir, "dist"))) {
      notes.push(`${pkg.name}: no dist/ (not built), not checked`);
      continue;
    }
    const before = new Set(readdirSync(tarballs));
    const result = await run(pnpm, ["pack", "--pack-destination", tarballs], { cwd: pkg.dir, echo: false });
    const file = readdirSync(tarballs).find((f) => !before.has(f) && f.endsWith(".tgz"));
    check(`pnpm pack ${pkg.name}`, result.code === 0 && file !== undefined, tail(result.stdout + result.stderr));
    if (!file) continue;
    packed[pkg.name] = path.join(tarballs, file);
    const listing = await run("tar", ["tzf", packed[pkg.name]], { echo: false });
    const files = listing.stdout.split("\n").filter(Boolean);
    const bad = files.filter((f) => /^package\/(src|test|scripts)\//.test(f) || /\.test\.|tsconfig|vitest|\.tgz$/.test(f));
    const missing = ["package/package.json", "package/LICENSE"].filter((f) => !files.includes(f));
    if (!files.some((f) => f.startsWith("package/dist/"))) missing.push("package/dist/");
    check(
      `tarball ${pkg.name}: dist and LICENSE, no sources, tests or tarballs`,
      bad.length === 0 && missing.length === 0,
      bad.length + missing.length === 0
        ? `${files.length} files`
        : `missing ${missing.join(", ") || "nothing"}; unexpected ${bad.join(", ") || "nothing"}`,
    );
    if (!files.includes("package/README.md")) notes.push(`${pkg.name}: the tarball has no README.md`);
    // A bare `import "./chunk-X.js"` in a "sideEffects": false package makes esbuild-based bundlers (wrangler, Vite's
    // prebundling) print an [ignored-bare-import] warning in the user's build; core's tsup config blanks them. The
    // emulator is a Node server, run rather than bundled.
    if (pkg.name !== "@airbyte-agents/emulator") {
      const dist = path.join(pkg.dir, "dist");
      const bare = readdirSync(dist).filter(
        (f) => f.endsWith(".js") && /^import "\.\/chunk-[^"]+";$/m.test(readFileSync(path.join(dist, f), "utf8")),
      );
      check(`${pkg.name}: no bare chunk imports in dist (no [ignored-bare-import] warnings for users)`, bare.length === 0, bare.join(", "));
    }

    // 2. Lint the package shape: publint --strict and attw (are the types wrong?) on the tarball.
    console.log(`$ publint run ${path.basename(packed[pkg.name])} --strict`);
    const lint = await run(publint, ["run", packed[pkg.name], "--strict"], { cwd: tarballs, echo: false });
    check(`publint --strict ${pkg.name}`, lint.code === 0, tail(lint.stdout + lint.stderr));
    console.log(`$ attw ${path.basename(packed[pkg.name])}`);
    const types = await run(attw, [packed[pkg.name], "--format", "table-flipped", "--no-color"], { cwd: tarballs, echo: false });
    check(`attw ${pkg.name}`, types.code === 0, tail(types.stdout + types.stderr, 40));
  }

  // 3. A clean project outside the repo, installing the tarballs with npm (dependencies from the registry).
  const app = path.join(work, "app");
  mkdirSync(app);
  writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify({ name: "airbyte-pack-consumer", private: true, version: "0.0.0" }, null, 2),
  );
  const installArgs = [
    "install",
    ...[packed["@airbyte-agents/core"], packed["@airbyte-agents/emulator"]].filter(Boolean),
    "@types/node@20.19.43",
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
    "--no-package-lock",
    "--loglevel=error",
  ];
  console.log(`$ npm ${installArgs.join(" ")}   (in ${app})`);
  const install = await run(npm, installArgs, { cwd: app, echo: false, timeoutMs: 300_000 });
  check("npm install the tarballs in a clean project", install.code === 0, tail(install.stdout + install.stderr));

  // Every consumer program runs on each supported Node: the one running this file, then 22 and 24.
  const nodes = [{ version: process.versions.node, binary: process.execPath }, ...nodeRuntimes()];
  const node = async (name, file, source, expect) => {
    writeFileSync(path.join(app, file), source);
    for (const { version, binary } of nodes) {
      const result = await run(binary, [file], { cwd: app, echo: false, timeoutMs: 60_000 });
      const out = result.stdout.trim();
      check(
        `${name} (Node ${version})`,
        result.code === 0 && out.includes(expect),
        `exit ${result.code}: ${tail(out + result.stderr, 15)}`,
      );
    }
  };

  // 4. ESM and CJS consumers, each making a real call from the packed core to the packed emulator.
  await node(
    'ESM: import { createClient } from "@airbyte-agents/core", a real call to the packed emulator',
    "esm.mjs",
    `import { createClient, isAirbyteError, VERSION } from "@airbyte-agents/core";
import { createEmulator } from "@airbyte-agents/emulator";
const emu = await createEmulator();
try {
  const airbyte = createClient({ baseUrl: emu.url, clientId: emu.clientId, clientSecret: emu.clientSecret });
  const connectors = await airbyte.workspace().connectors.list();
  console.log("ok", VERSION, typeof isAirbyteError, connectors.length);
} finally { await emu.close(); }
`,
    "function 4",
  );
  await node(
    'CJS: require("@airbyte-agents/core"), a real call to the packed emulator',
    "cjs.cjs",
    `const { createClient, ConnectorResolutionError } = require("@airbyte-agents/core");
const { createEmulator } = require("@airbyte-agents/emulator");
(async () => {
  const emu = await createEmulator();
  try {
    const airbyte = createClient({ baseUrl: emu.url, clientId: emu.clientId, clientSecret: emu.clientSecret });
    const resolved = require.resolve("@airbyte-agents/core");
    try { await airbyte.workspace().connector("nope").id(); } catch (error) {
      console.log("ok", resolved.endsWith(".cjs"), error instanceof ConnectorResolutionError);
    }
  } finally { await emu.close(); }
})().catch((error) => { console.error(error); process.exitCode = 1; });
`,
    "ok true true",
  );
  await node(
    "subpath entries: @airbyte-agents/core/browser, @airbyte-agents/emulator/app and /node (ESM and CJS)",
    "subpaths.mjs",
    `import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const browser = await import("@airbyte-agents/core/browser");
const app = await import("@airbyte-agents/emulator/app");
const nodeEntry = await import("@airbyte-agents/emulator/node");
const cjsBrowser = require("@airbyte-agents/core/browser");
const cjsApp = require("@airbyte-agents/emulator/app");
console.log("ok", typeof browser.createWidgetClient, typeof browser.createClient, typeof app.createEmulatorApp,
  typeof nodeEntry.createEmulator, typeof cjsBrowser.createWidgetClient, typeof cjsApp.createEmulatorApp);
`,
    "ok function undefined function function function function",
  );

  // 5. The emulator's CLI from the tarball's bin.
  const cli = await new Promise((resolve) => {
    const bin = path.join(app, "node_modules/.bin/airbyte-agents-emulator");
    const child = spawn(bin, ["--port", "0", "--control"], { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const done = (value) => {
      clearTimeout(timer);
      child.kill();
      resolve(value);
    };
    const timer = setTimeout(() => done({ ok: false, out: `${out}\n[no "listening" line after 20 s]` }), 20_000);
    child.stdout.on("data", async (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      try {
        const res = await fetch(`${url}/_emulator/stats`);
        done({ ok: res.ok, out: `${out.trim()} → GET /_emulator/stats ${res.status}` });
      } catch (error) {
        done({ ok: false, out: `${out}\n${error}` });
      }
    });
    child.stderr.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", (error) => done({ ok: false, out: String(error) }));
  });
  check("emulator CLI (bin airbyte-agents-emulator) starts from the tarball", cli.ok, cli.out);

  // 6. TypeScript consumers: strict, skipLibCheck off (the .d.ts files are checked too).
  // Typed connectors from the tarball: the result type comes from Stripe's spec, a wrong parameter is an error.
  const mainSource = `import { createClient, isAirbyteError, type AirbyteClient, type TypedResult } from "@airbyte-agents/core";
const airbyte: AirbyteClient = createClient({ baseUrl: "http://127.0.0.1:8787", clientId: "id", clientSecret: "secret" });
export async function firstPage(): Promise<TypedResult<"stripe", "customers", "list">> {
  try {
    // @ts-expect-error Stripe's page size is limit, not per_page
    await airbyte.workspace("default").connector("stripe").customers.list({ per_page: 10 });
    const page = await airbyte.workspace("default").connector("stripe").customers.list({ limit: 10 });
    const email: string | null | undefined = page.data[0]?.email;
    void email;
    return page;
  } catch (error) {
    if (isAirbyteError(error)) console.error(error.code);
    throw error;
  }
}
`;
  const browserSource = `import { createWidgetClient, type WidgetClient } from "@airbyte-agents/core/browser";
export const browser: WidgetClient = createWidgetClient({ getToken: async () => "token" });
`;
  const emulatorSource = `import { createEmulator, type RunningEmulator } from "@airbyte-agents/emulator";
import { createEmulatorApp } from "@airbyte-agents/emulator/app";
export const emulator: Promise<RunningEmulator> = createEmulator({ port: 0 });
export const handler: (request: Request) => Response | Promise<Response> = createEmulatorApp().fetch;
`;
  const dom = { lib: ["es2022", "dom"], types: [] };
  const tsConfigs = [
    {
      name: "node16 (ESM .mts and CJS .cts)",
      files: ["esm.mts", "cjs.cts"],
      options: { module: "node16", moduleResolution: "node16", ...dom },
      source: mainSource + browserSource,
    },
    {
      name: "bundler",
      files: ["bundler.ts"],
      options: { module: "esnext", moduleResolution: "bundler", ...dom },
      source: mainSource + browserSource,
    },
    {
      name: "node10 (module commonjs; subpaths through typesVersions)",
      files: ["node10.ts"],
      options: { module: "commonjs", moduleResolution: "node10", ...dom },
      source: mainSource + browserSource,
    },
    {
      name: "node16, Node types and no DOM lib (a Node-only project; main entry and the emulator)",
      files: ["node-only.mts"],
      options: { module: "node16", moduleResolution: "node16", lib: ["es2022"], types: ["node"] },
      source: mainSource + emulatorSource,
    },
  ];
  for (const config of tsConfigs) {
    const dir = path.join(app, `ts-${tsConfigs.indexOf(config)}`);
    mkdirSync(dir);
    for (const file of config.files) writeFileSync(path.join(dir, file), config.source);
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify(
        {
          compilerOptions: {
            ...config.options,
            target: "es2022",
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            typeRoots: [path.join(app, "node_modules/@types")],
          },
          files: config.files,
        },
        null,
        2,
      ),
    );
    const result = await run(process.execPath, [tsc, "-p", dir], { cwd: dir, echo: false });
    check(`tsc --noEmit, moduleResolution ${config.name}`, result.code === 0, tail(result.stdout + result.stderr, 20));
  }

  // 7. Deno over the same npm-installed tarballs (package.json + node_modules, as a Deno project using npm
  // packages): type-check and run. In the workspace, the deno-example runs core through a pnpm link instead.
  const deno = findBinary("deno", here);
  writeFileSync(
    path.join(app, "deno-check.ts"),
    `${mainSource}${browserSource}console.log("ok", typeof firstPage, typeof browser.connectors);\n`,
  );
  const denoEnv = { DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
  const denoCheck = await run(deno, ["check", "deno-check.ts"], { cwd: app, env: denoEnv, echo: false });
  check("deno check: the installed tarball's types", denoCheck.code === 0, tail(denoCheck.stdout + denoCheck.stderr, 20));
  const denoRun = await run(deno, ["run", "--no-prompt", "deno-check.ts"], { cwd: app, env: denoEnv, echo: false });
  check(
    "deno run: the installed tarball",
    denoRun.code === 0 && denoRun.stdout.includes("ok function object"),
    tail(denoRun.stdout + denoRun.stderr, 20),
  );

  // 7. The release's version step (scripts/version-packages.mjs) on a copy of the workspace's manifests: the pending
  // changesets, and a scripted core minor with a react major, never make a 0.x package 1.0.0 unless a changeset asks
  // for it (Changesets alone bumps every peer dependent of a minor to 1.0.0).
  const versionsAfter = async (label, changesets) => {
    const copy = path.join(work, `release-${label}`);
    const manifests = ["package.json", "pnpm-workspace.yaml", ".changeset/config.json"];
    for (const parent of ["packages", "apps"])
      for (const name of readdirSync(path.join(root, parent)))
        if (existsSync(path.join(root, parent, name, "package.json"))) manifests.push(`${parent}/${name}/package.json`);
    for (const file of manifests) {
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      writeFileSync(path.join(copy, file), readFileSync(path.join(root, file)));
    }
    for (const [file, text] of Object.entries(changesets)) writeFileSync(path.join(copy, ".changeset", file), text);
    const result = await run(process.execPath, [path.join(root, "scripts/version-packages.mjs")], { cwd: copy, echo: false });
    const version = (dir) => JSON.parse(readFileSync(path.join(copy, dir, "package.json"), "utf8")).version;
    const heading = (dir) => /^## (\S+)$/m.exec(readFileSync(path.join(copy, dir, "CHANGELOG.md"), "utf8"))?.[1];
    return { result, version, heading, output: tail(result.stdout + result.stderr, 10) };
  };
  const pending = Object.fromEntries(
    readdirSync(path.join(root, ".changeset"))
      .filter((f) => f.endsWith(".md") && f !== "README.md")
      .map((f) => [f, readFileSync(path.join(root, ".changeset", f), "utf8")]),
  );
  const published = ["core", "emulator", "react", "tools"];
  const next = await versionsAfter("pending", pending);
  const nextVersions = published.map((dir) => `${dir} ${next.version(`packages/${dir}`)}`).join(", ");
  check(
    "version-packages on the pending changesets: no 0.x package becomes 1.0.0 unasked",
    next.result.code === 0 && published.every((dir) => next.version(`packages/${dir}`) !== "1.0.0"),
    next.result.code === 0 ? `next release: ${nextVersions}` : next.output,
  );
  const scripted = await versionsAfter("scripted", {
    "core-minor.md": '---\n"@airbyte-agents/core": minor\n---\n\nA core minor.\n',
    "react-major.md": '---\n"@airbyte-agents/react": major\n---\n\nReact asks for 1.0.\n',
  });
  const got =
    scripted.result.code === 0
      ? ["core", "react", "tools"].map((dir) => [scripted.version(`packages/${dir}`), scripted.heading(`packages/${dir}`)])
      : [];
  check(
    "version-packages: a core minor makes tools 0.2.0 (not 1.0.0) and keeps the 1.0.0 a react changeset asks for",
    JSON.stringify(got) ===
      JSON.stringify([
        ["0.2.0", "0.2.0"],
        ["1.0.0", "1.0.0"],
        ["0.2.0", "0.2.0"],
      ]),
    scripted.result.code === 0 ? `core, react, tools (version, CHANGELOG heading): ${JSON.stringify(got)}` : scripted.output,
  );

  for (const note of notes) console.log(`note: ${note}`);
  process.exitCode = report(here, "package", steps, startedAt);
} catch (error) {
  process.exitCode = reportCrash(here, "package", error, steps);
} finally {
  rmSync(work, { recursive: true, force: true });
}
