// The browser entry must not carry a path to the client secret (architecture §5): bundled for the browser, it holds
// no token-minting route, no secret field, and none of the modules that handle credentials.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

const ENTRY = fileURLToPath(new URL("../../src/browser.ts", import.meta.url));
const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

let code = "";
let minified = "";
let inputs: string[] = [];
let catalogs: string[] = [];

// Split as a browser bundler does: each connector catalog (data loaded on a connector's first use) is its own chunk.
// Catalogs may name a connector's own OAuth field `client_secret`; that is a form field's name in data, not a path
// to the application's secret, so the code chunks are scanned and the catalogs are checked to be data only.
async function bundle(minify: boolean): Promise<{ code: string; catalogs: string[]; metafile: Metafile }> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    splitting: true,
    outdir: "/virtual",
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const isCatalog = (path: string) => /\.(catalog|prose)-[\w-]+\.js$/.test(path);
  return {
    code: result.outputFiles
      .filter((f) => !isCatalog(f.path))
      .map((f) => f.text)
      .join("\n"),
    catalogs: result.outputFiles.filter((f) => isCatalog(f.path)).map((f) => f.text),
    metafile: result.metafile,
  };
}

beforeAll(async () => {
  const plain = await bundle(false);
  code = plain.code;
  catalogs = plain.catalogs;
  inputs = Object.keys(plain.metafile.inputs);
  minified = (await bundle(true)).code;
});

describe("the browser bundle (src/browser.ts, esbuild, platform browser)", () => {
  it("builds and exports the widget client and the connect widget", () => {
    expect(code.length).toBeGreaterThan(1000);
    expect(code).toMatch(/export\s*\{[^}]*createWidgetClient/);
    expect(code).toMatch(/export\s*\{[^}]*openConnectWidget/);
  });

  it.each(["applications/token", "client_secret", "clientSecret"])("contains no %j", (needle) => {
    expect(code).not.toContain(needle);
    expect(minified).not.toContain(needle);
  });

  it("connector catalogs are lazily loaded data: no import, no fetch, no token route", () => {
    expect(catalogs.length).toBe(102);
    for (const chunk of catalogs) {
      expect(chunk).not.toContain("applications/token");
      // Outside string literals (descriptions may quote code), a catalog chunk is one object literal and its export.
      const outsideStrings = chunk.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/^\/\/.*$/gm, "");
      expect(outsideStrings).not.toMatch(/\bfetch\(|\bimport\b|\bfunction\b|=>/);
    }
  });

  it("does not include the modules that handle credentials", () => {
    const forbidden = ["src/client.ts", "src/options.ts", "src/auth/client-credentials.ts", "src/resources/tokens.ts", "src/server/"];
    for (const file of forbidden) expect(inputs.filter((input) => input.includes(file))).toEqual([]);
    expect(inputs.some((input) => input.includes("src/widget/widget-client.ts"))).toBe(true);
  });

  it("reaches no Node built-in", () => {
    expect(inputs.filter((input) => input.startsWith("node:"))).toEqual([]);
    expect(code).not.toMatch(/from\s*["']node:/);
  });

  it.skipIf(!existsSync(`${DIST}browser.js`))("the built dist/browser.js, its chunks and dist/browser.cjs hold none of them either", () => {
    const esm = readFileSync(`${DIST}browser.js`, "utf8");
    const chunks = [...esm.matchAll(/from\s*["']\.\/(chunk-[\w-]+\.js)["']/g)].map((match) => match[1] as string);
    const files = ["browser.js", "browser.cjs", ...new Set(chunks)];
    for (const file of files) {
      const text = readFileSync(`${DIST}${file}`, "utf8");
      for (const needle of ["applications/token", "client_secret", "clientSecret"])
        expect(text, `${file}: ${needle}`).not.toContain(needle);
    }
  });
});
